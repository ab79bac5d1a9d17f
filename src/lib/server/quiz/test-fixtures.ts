import type { BankQuestion, QuestionBank } from './bank';

function question(
	id: string,
	correct: string[],
	options = ['a', 'b', 'c', 'd'],
	selectAll = correct.length > 1
): BankQuestion {
	return {
		id,
		html: `Text of ${id}?`,
		selectAll,
		explanationHtml: `EXPLANATION-OF-${id}: see Bordin (1979).`,
		objectives: [1],
		line: 1,
		options: options.map((optionId) => ({
			id: optionId,
			html: `${id} option ${optionId}`,
			correct: correct.includes(optionId)
		}))
	};
}

/** Five questions: single-answer q1, q3, q5; select-all q2, q4. Test-only. */
export function fixtureBank(shuffle = true): QuestionBank {
	return {
		shuffle,
		questions: [
			question('q1', ['b']),
			question('q2', ['a', 'c']),
			question('q3', ['d'], ['a', 'b', 'c', 'd', 'e']),
			question('q4', ['b', 'c', 'd']),
			question('q5', ['a'], ['a', 'b', 'c'])
		]
	};
}
