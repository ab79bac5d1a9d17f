/** A question of an open attempt as the page receives it: text and options, no key. */
export interface OpenQuestion {
	id: string;
	number: number;
	fieldName: string;
	html: string;
	selectAll: boolean;
	options: { id: string; html: string }[];
}

/** A question of a graded attempt: what was chosen, what was right, and why. */
export interface GradedQuestion {
	id: string;
	number: number;
	html: string;
	selectAll: boolean;
	correct: boolean;
	explanationHtml: string;
	options: { id: string; html: string; chosen: boolean; correct: boolean }[];
}
