/**
 * The components lessons use without an import (see docs/authoring.md). The lesson page provides
 * the two contexts they read: `module-references` and `reflections`.
 */
export { default as Callout } from './Callout.svelte';
export { default as Cite } from './Cite.svelte';
export { default as KeyFigure } from './KeyFigure.svelte';
export { default as Reflection } from './Reflection.svelte';
export { default as Vignette } from './Vignette.svelte';

/** One entry of the module's reference list, as Cite shows and links it. */
export interface CitationReference {
	short: string;
	apa: string;
	doi?: string;
}

/**
 * A context value: a Map or plain object, or a function returning one so the page can keep it
 * current (e.g. `() => data.reflections` after a form action re-runs `load`).
 */
export type ContextLookup<T> =
	| ReadonlyMap<string, T>
	| Readonly<Record<string, T>>
	| (() => ReadonlyMap<string, T> | Readonly<Record<string, T>>);

/** `setContext(MODULE_REFERENCES_CONTEXT, …)`: reference key → reference. */
export const MODULE_REFERENCES_CONTEXT = 'module-references';
export type ModuleReferencesContext = ContextLookup<CitationReference>;

/** `setContext(REFLECTIONS_CONTEXT, …)`: reflection id → the learner's saved answer. */
export const REFLECTIONS_CONTEXT = 'reflections';
export type ReflectionsContext = ContextLookup<string>;
