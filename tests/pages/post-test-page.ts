import { expect, type Page } from '@playwright/test';
import { correctOptionTexts, normaliseText, type QuestionBank } from '../support/content';
import { submitAndWait } from './account-pages';

/** A question as the open attempt shows it, read from the page. */
export interface ShownQuestion {
	fieldName: string;
	kind: 'radio' | 'checkbox';
	legend: string;
	selectAllHint: boolean;
	options: { value: string; label: string }[];
}

export const ATTEMPT_URL = /\/modules\/[a-z0-9-]+\/post-test\/([a-z2-7]{26})$/;

/** `/modules/<slug>/post-test`: status, lessons left, Start attempt. */
export class PostTestPage {
	constructor(private readonly page: Page) {}
	async open(slug: string, title: string) {
		await this.page.goto(`/modules/${slug}/post-test`);
		await expect(
			this.page.getByRole('heading', { level: 1, name: `Post-test: ${title}` })
		).toBeVisible();
	}
	startButton() {
		return this.page.getByRole('button', { name: 'Start attempt' });
	}
	/** Starts (or resumes) an attempt and returns its id. */
	async start(): Promise<string> {
		await submitAndWait(this.page, this.startButton());
		await expect(this.page).toHaveURL(ATTEMPT_URL);
		return this.page.url().match(ATTEMPT_URL)![1]!;
	}
}

/** Which options to tick: exactly the right ones, or one wrong one. */
export function choose(bank: QuestionBank, shown: ShownQuestion, how: 'right' | 'wrong'): string[] {
	const question = bank.questions.find((q) => `q-${q.id}` === shown.fieldName);
	if (!question) throw new Error(`${shown.fieldName} is not in the bank`);
	const right = correctOptionTexts(question);
	const isRight = (label: string) => right.includes(normaliseText(label));
	if (how === 'right') {
		const labels = shown.options.filter((o) => isRight(o.label)).map((o) => o.label);
		expect(labels, shown.fieldName).toHaveLength(right.length);
		return labels;
	}
	return [shown.options.find((o) => !isRight(o.label))!.label];
}

/** Form fields answering every shown question right or wrong, as the browser would send them. */
export function answersFor(
	bank: QuestionBank,
	questions: ShownQuestion[],
	how: 'right' | 'wrong'
): [string, string][] {
	return questions.flatMap((shown) =>
		choose(bank, shown, how).map((label): [string, string] => [
			shown.fieldName,
			shown.options.find((o) => o.label === label)!.value
		])
	);
}

/** `/modules/<slug>/post-test/<id>` while the attempt is open. */
export class AttemptPage {
	constructor(private readonly page: Page) {}
	questions() {
		return this.page.getByRole('group');
	}
	submitButton() {
		return this.page.getByRole('button', { name: 'Submit answers' });
	}
	async read(): Promise<ShownQuestion[]> {
		return this.page.locator('fieldset').evaluateAll((fieldsets) =>
			fieldsets.map((fieldset) => {
				const inputs = [...fieldset.querySelectorAll('input')];
				const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
				return {
					fieldName: inputs[0]!.name,
					kind: inputs[0]!.type as 'radio' | 'checkbox',
					legend: clean(fieldset.querySelector('legend')?.textContent),
					selectAllHint: clean(fieldset.textContent).includes('Select all that apply'),
					options: inputs.map((input) => ({
						value: input.value,
						label: clean(input.closest('label')?.textContent)
					}))
				};
			})
		);
	}
	/** Ticks the answers by their labels, question by question, as a learner would. */
	async answer(bank: QuestionBank, how: 'right' | 'wrong', skip = new Set<number>()) {
		const questions = await this.read();
		for (const [index, shown] of questions.entries()) {
			if (skip.has(index)) continue;
			const group = this.questions().nth(index);
			for (const label of choose(bank, shown, how)) {
				await group.getByRole(shown.kind, { name: label, exact: true }).check();
			}
		}
		return questions;
	}
	/** Ticks the answer to one question (0-based index) by its label. */
	async answerOne(bank: QuestionBank, index: number, how: 'right' | 'wrong') {
		const shown = (await this.read())[index]!;
		const group = this.questions().nth(index);
		for (const label of choose(bank, shown, how)) {
			await group.getByRole(shown.kind, { name: label, exact: true }).check();
		}
	}
	async submit() {
		await submitAndWait(this.page, this.submitButton());
	}
}

/** The graded attempt. */
export class ResultPage {
	constructor(private readonly page: Page) {}
	outcome() {
		return this.page.getByRole('status').filter({ hasText: /^\s*(Passed|Not passed):/ });
	}
	verdicts() {
		return this.page.getByRole('heading', { level: 3, name: /^Question \d+:/ });
	}
}
