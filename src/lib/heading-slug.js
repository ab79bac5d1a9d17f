/**
 * Heading ids for lessons. Shared by the mdsvex build (ids on the rendered h2/h3) and the server
 * (the lesson's table of contents), so the two always agree.
 * @returns {(text: string) => string} a slugger that numbers repeats: `summary`, `summary-2`
 */
export function headingSlugger() {
	/** @type {Map<string, number>} */
	const seen = new Map();
	return (text) => {
		const base =
			text
				.normalize('NFKD')
				.replace(/[\u0300-\u036f]/g, '')
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-+|-+$/g, '') || 'section';
		const count = (seen.get(base) ?? 0) + 1;
		seen.set(base, count);
		return count === 1 ? base : `${base}-${count}`;
	};
}
