/** Subscale means always show two decimals, as they are stored. */
export function formatMean(mean: number): string {
	return mean.toFixed(2);
}

export function contextLabel(
	context: 'standalone' | 'before' | 'after',
	moduleTitle: string | null
): string {
	if (context === 'standalone') return 'On its own';
	return `${context === 'before' ? 'Before' : 'After'} the module ${moduleTitle ?? ''}`.trim();
}
