/**
 * The components lessons use without an import (see docs/authoring.md). The lesson page provides
 * the contexts they read: `module-references`, `reflections` and `reflection-failure`.
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

/** A reflection the server refused to save: which one, why, and the text to give back. */
export interface ReflectionFailure {
	reflectionId: string;
	message: string;
	answer: string;
}

/** `setContext(REFLECTION_FAILURE_CONTEXT, () => failure)`: the refused save, or null. */
export const REFLECTION_FAILURE_CONTEXT = 'reflection-failure';
export type ReflectionFailureContext = () => ReflectionFailure | null;
