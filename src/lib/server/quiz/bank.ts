/** A post-test question bank as parsed from `content/<module>/post-test.md` (server-only: holds the key). */
export interface QuestionOption {
	/** Stable within its question: 'a', 'b', 'c', … in file order. */
	id: string;
	/** Option text as safe HTML (inline markdown rendered, everything escaped). */
	html: string;
	correct: boolean;
}

export interface BankQuestion {
	/** From `## {#id …}` or derived from the question text (slug + short hash). */
	id: string;
	/** Question text as safe HTML (inline markdown). */
	html: string;
	options: QuestionOption[];
	/** True when more than one option is correct: shown as "Select all that apply". */
	selectAll: boolean;
	/** Explanation as safe HTML, shown only after grading. */
	explanationHtml: string;
	/** 1-based indexes into the module's objectives (from `obj=1,3`). */
	objectives: number[];
	/** Line of the `##` heading in post-test.md. */
	line: number;
}

export interface QuestionBank {
	shuffle: boolean;
	questions: BankQuestion[];
}
