import {
	expect,
	test,
	type APIRequestContext,
	type APIResponse,
	type Page,
	type Response
} from '@playwright/test';
import {
	ATTEMPT_URL,
	AttemptPage,
	PostTestPage,
	ResultPage,
	answersFor,
	type ShownQuestion
} from '../../pages/post-test-page';
import { expectAccessible } from '../../support/accounts';
import {
	moduleBySlug,
	modulesWithPostTest,
	normaliseText,
	type QuestionBank
} from '../../support/content';
import {
	explanationProbes,
	findBundledQuestions,
	findLeaks,
	type CollectedBody
} from '../../support/leaks';
import { signUp } from '../../support/learners';
import { completeAllLessons, formPost } from '../../support/progress';

/** Explanations on the page (normalised text): those of the shown questions, and no others. */
async function expectExplanationsOf(page: Page, bank: QuestionBank, shownFields: string[]) {
	const text = normaliseText(await page.content());
	for (const question of bank.questions) {
		const shown = shownFields.includes(`q-${question.id}`);
		expect(text.includes(normaliseText(question.explanationHtml)), question.id).toBe(shown);
	}
}

function moduleSection(page: Page) {
	return page.getByRole('region', { name: 'Post-test', exact: true });
}

// Runs with and without JavaScript (see playwright.config.ts).
test('journey: lessons → post-test → pass, with the review and the history', async ({
	page,
	baseURL
}) => {
	const module = moduleBySlug('therapeutic-alliance');
	await signUp(page, 'Pat Passer');
	const postTest = new PostTestPage(page);
	await postTest.open(module.slug, module.title);
	await expect(page.getByText('The post-test opens once every lesson is complete')).toBeVisible();
	for (const lesson of module.lessons) {
		await expect(page.getByRole('link', { name: lesson.title, exact: true })).toBeVisible();
	}
	await expect(postTest.startButton()).toHaveCount(0);

	await completeAllLessons(page.request, baseURL!, module.slug);
	await postTest.open(module.slug, module.title);
	await expect(page.getByText('Attempts used: 0 of 3; 3 attempts left.')).toBeVisible();
	await expectAccessible(page);
	const attemptId = await postTest.start();

	const attempt = new AttemptPage(page);
	await expect(attempt.questions()).toHaveCount(module.questionsPerAttempt);
	const shown = await attempt.read();
	for (const question of shown) {
		const inBank = module.bank.questions.find((q) => `q-${q.id}` === question.fieldName)!;
		expect(question.kind).toBe(inBank.selectAll ? 'checkbox' : 'radio');
		expect(question.selectAllHint).toBe(inBank.selectAll);
		expect(question.legend).toMatch(/^Question \d+ /);
	}
	await expectAccessible(page);

	// The draw and its order are stored: a reload, or coming back another way, shows the same.
	await page.reload();
	expect(await attempt.read()).toEqual(shown);
	await postTest.open(module.slug, module.title);
	await page.getByRole('link', { name: 'Continue your attempt' }).click();
	await expect(page).toHaveURL(new RegExp(`/post-test/${attemptId}$`));
	expect(await attempt.read()).toEqual(shown);

	await attempt.answer(module.bank, 'right');
	await attempt.submit();
	await expect(page).toHaveURL(new RegExp(`/post-test/${attemptId}$`));
	const result = new ResultPage(page);
	await expect(result.outcome()).toContainText(
		'Passed: you scored 100% (10 of 10 questions right); the pass mark is 80%.'
	);
	await expect(result.verdicts()).toHaveCount(10);
	for (const verdict of await result.verdicts().all()) await expect(verdict).toContainText('Right');
	const drawn = module.bank.questions.filter((q) => shown.some((s) => s.fieldName === `q-${q.id}`));
	const keyCount = drawn.reduce((sum, q) => sum + q.options.filter((o) => o.correct).length, 0);
	await expect(page.getByText('Correct answer', { exact: true })).toHaveCount(keyCount);
	await expectExplanationsOf(
		page,
		module.bank,
		shown.map((q) => q.fieldName)
	);
	await expect(page.getByText('Attempts used: 1 of 3; 2 attempts left.')).toBeVisible();
	await expect(page.getByText('A passed post-test cannot be retaken for credit.')).toBeVisible();
	await expectAccessible(page);

	await postTest.open(module.slug, module.title);
	await expect(page.getByRole('status')).toContainText('You passed this post-test.');
	await expect(postTest.startButton()).toHaveCount(0);

	await page.goto(`/modules/${module.slug}`);
	await expect(moduleSection(page)).toContainText('You passed the post-test.');
	const rows = moduleSection(page).getByRole('row');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(1)).toContainText('100% (10 of 10)');
	await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText('Yes');
	await rows
		.nth(1)
		.getByRole('link', { name: /View result/ })
		.click();
	await expect(page).toHaveURL(new RegExp(`/post-test/${attemptId}$`));
	await expect(result.outcome()).toContainText('Passed');
});

test('journey: failed attempts up to the cap, then how to get another attempt', async ({
	page,
	baseURL
}) => {
	const module = moduleBySlug('common-factors');
	await signUp(page, 'Fay Failer');
	await completeAllLessons(page.request, baseURL!, module.slug);
	const postTest = new PostTestPage(page);
	const attempt = new AttemptPage(page);
	const result = new ResultPage(page);

	for (let n = 1; n <= 3; n++) {
		await postTest.open(module.slug, module.title);
		await postTest.start();
		if (n === 1) {
			// A missing answer is refused with a message; the other choices stay ticked.
			await attempt.answer(module.bank, 'wrong', new Set([0]));
			await attempt.submit();
			await expect(page.getByRole('alert')).toContainText('Question 1 is unanswered.');
			await expect(attempt.questions().nth(0)).toContainText(/Choose (an answer|at least one)/);
			// Without JavaScript the refused form is answered at its action URL (…?/submit).
			await expect(page).toHaveURL(/\/post-test\/[a-z2-7]{26}(\?\/submit)?$/);
			await expect(page.locator('input:checked')).toHaveCount(9);
			await attempt.answerOne(module.bank, 0, 'wrong');
		} else {
			await attempt.answer(module.bank, 'wrong');
		}
		await attempt.submit();
		await expect(result.outcome()).toContainText(
			'Not passed: you scored 0% (0 of 10 questions right); the pass mark is 80%.'
		);
		for (const verdict of await result.verdicts().all())
			await expect(verdict).toContainText('Wrong');
		await expect(page.getByText(`Attempts used: ${n} of 3; ${3 - n} attempt`)).toBeVisible();
		if (n < 3)
			await expect(page.getByRole('link', { name: 'Try the post-test again' })).toBeVisible();
	}
	await expect(page.getByRole('link', { name: 'Try the post-test again' })).toHaveCount(0);
	await expect(page.getByRole('note')).toContainText(
		'You have used all 3 attempts at this post-test without passing. An administrator can grant you another attempt'
	);

	await postTest.open(module.slug, module.title);
	await expect(postTest.startButton()).toHaveCount(0);
	await expect(page.getByRole('note')).toContainText(
		'An administrator can grant you another attempt'
	);
	await expectAccessible(page);

	await page.goto(`/modules/${module.slug}`);
	await expect(moduleSection(page)).toContainText(
		'An administrator can grant you another attempt.'
	);
	const rows = moduleSection(page).getByRole('row');
	await expect(rows).toHaveCount(4);
	for (const n of [1, 2, 3]) {
		await expect(rows.nth(n)).toContainText('0% (0 of 10)');
		await expect(rows.nth(n).getByRole('cell').nth(3)).toHaveText('No');
	}
});

/**
 * A response's body as the browser received it; redirects have none. Chromium cannot always hand
 * over a body the page read as a stream (SvelteKit reads `__data.json` that way): such a GET is
 * fetched again with the same cookies while the attempt is still open, which answers the same.
 */
async function bodyOf(
	response: Response,
	request: APIRequestContext
): Promise<CollectedBody | { failed: string } | null> {
	if (response.status() >= 300 && response.status() < 400) return null;
	const url = response.url();
	const contentType = response.headers()['content-type'] ?? '';
	try {
		return { url, contentType, body: await response.text() };
	} catch (err) {
		if (response.request().method() !== 'GET') {
			return { failed: `${url}: ${(err as Error).message}` };
		}
		return collect(`${url} (fetched again)`, await request.get(url));
	}
}

async function collect(url: string, response: APIResponse): Promise<CollectedBody> {
	return {
		url,
		contentType: response.headers()['content-type'] ?? '',
		body: await response.text()
	};
}

test('while an attempt is open no response holds an explanation or the key, for every question of every bank', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const modules = modulesWithPostTest();
	expect(modules.length).toBeGreaterThanOrEqual(3);
	const banks = modules.map((m) => m.bank);
	const probes = explanationProbes(banks);
	await signUp(page, 'Lee Leakcheck');
	const storageState = await page.context().storageState();

	for (const module of modules) {
		// A fresh context per module: an empty cache, so every script is fetched (and read) again.
		const context = await browser.newContext({ baseURL, storageState });
		const tab = await context.newPage();
		const post = formPost(context.request, baseURL!);
		await completeAllLessons(context.request, baseURL!, module.slug);
		const postTest = new PostTestPage(tab);
		await postTest.open(module.slug, module.title);

		const seen: Promise<CollectedBody | { failed: string } | null>[] = [];
		tab.on('response', (response) => seen.push(bodyOf(response, context.request)));
		// Chromium drops a body that is still unread when the page navigates: read them first.
		const settle = () => Promise.all(seen);
		const attemptId = await postTest.start();
		const attemptUrl = `/modules/${module.slug}/post-test/${attemptId}`;
		const attempt = new AttemptPage(tab);
		await expect(attempt.questions()).toHaveCount(module.questionsPerAttempt);
		await settle();
		await tab.reload();
		await expect(attempt.questions()).toHaveCount(module.questionsPerAttempt);
		await settle();
		await postTest.open(module.slug, module.title);
		await settle();
		await tab.getByRole('link', { name: 'Continue your attempt' }).click();
		await expect(tab).toHaveURL(new RegExp(`${attemptUrl}$`));
		await expect(attempt.questions()).toHaveCount(module.questionsPerAttempt);
		await settle();
		await attempt.submit(); // nothing ticked: refused, and the attempt stays open
		await expect(tab.getByRole('alert')).toContainText('unanswered');
		await settle();
		const shown: ShownQuestion[] = await attempt.read();
		const direct = [
			await collect(attemptUrl, await context.request.get(attemptUrl)),
			await collect(
				`${attemptUrl}/__data.json`,
				await context.request.get(`${attemptUrl}/__data.json`)
			),
			await collect(`${attemptUrl}?/submit`, await post(`${attemptUrl}?/submit`, [])),
			await collect(
				`${attemptUrl}?/submit (one answer)`,
				await post(`${attemptUrl}?/submit`, answersFor(module.bank, shown, 'right').slice(0, 1))
			)
		];
		tab.removeAllListeners('response');
		const received = await Promise.all(seen);
		const failed = received.filter((r): r is { failed: string } => !!r && 'failed' in r);
		expect(failed, 'every response body could be read').toEqual([]);
		const bodies = [...received.filter((r): r is CollectedBody => !!r && 'body' in r), ...direct];
		// The attempt's HTML, its data and the scripts were all among what was checked.
		expect(bodies.some((b) => b.url.endsWith(attemptId) && b.contentType.includes('html'))).toBe(
			true
		);
		expect(bodies.some((b) => b.url.includes(`${attemptId}/__data.json`))).toBe(true);
		expect(bodies.filter((b) => b.contentType.includes('javascript')).length).toBeGreaterThan(3);

		expect(findLeaks(bodies, probes)).toEqual([]);
		expect(findBundledQuestions(bodies, banks)).toEqual([]);

		// Control: once graded, the same check finds the explanations of exactly this attempt's
		// questions on the result page, so it would have found them earlier too.
		await attempt.answer(module.bank, 'right');
		await attempt.submit();
		await expect(new ResultPage(tab).outcome()).toContainText('Passed');
		const result = await collect(attemptUrl, await context.request.get(attemptUrl));
		const found = new Set(
			findLeaks([result], probes).map((leak) => leak.match(/explanation of ([^:]+):/)?.[1])
		);
		for (const question of shown) expect(found).toContain(question.fieldName.slice(2));
		await context.close();
	}
});

test('the leak check would catch a key or an explanation in any of the forms a response takes', () => {
	const bank = moduleBySlug('therapeutic-alliance').bank;
	const probes = explanationProbes([bank]);
	const question = bank.questions[0]!;
	const publicOptions = question.options.map((o) => ({ id: o.id, html: o.html }));
	const leaky = [
		JSON.stringify({ html: question.html, options: question.options }),
		`{id:"a",html:"x",correct:!0}`,
		JSON.stringify({ questions: [{ ...question, options: publicOptions }] }),
		`<div class="explanation">${question.explanationHtml}</div>`,
		`data:{explanation:${JSON.stringify(question.explanationHtml).replace(/</g, '\\u003C')}}`,
		'<strong class="tag key-tag">Correct answer</strong>'
	];
	for (const body of leaky) {
		expect(findLeaks([{ url: 'x', contentType: 'text/html', body }], probes), body).not.toEqual([]);
	}
	const clean = JSON.stringify({
		questions: [{ id: question.id, html: question.html, options: publicOptions }]
	});
	expect(findLeaks([{ url: 'x', contentType: 'application/json', body: clean }], probes)).toEqual(
		[]
	);
	const script = `import{x}from"./a.js";${JSON.stringify(question.explanationHtml)}`;
	expect(
		findLeaks([{ url: 'x.js', contentType: 'text/javascript', body: script }], probes)
	).not.toEqual([]);
});

test.describe('bad post-test input gets a 4xx with a message, and nothing is recorded', () => {
	test('before the lessons, unknown options, foreign questions, missing answers, 1 MB, other users', async ({
		page,
		browser,
		baseURL
	}) => {
		const module = moduleBySlug('instilling-hope');
		await signUp(page, 'Bo Badinput');
		const post = formPost(page.request, baseURL!);
		const start = `/modules/${module.slug}/post-test?/start`;
		let response = await post(start);
		expect(response.status()).toBe(403);
		expect(await response.text()).toContain('Complete every lesson before the post-test');

		await completeAllLessons(page.request, baseURL!, module.slug);
		response = await post(start);
		expect(response.status()).toBe(303);
		const attemptUrl = response.headers().location!;
		expect(attemptUrl).toMatch(ATTEMPT_URL);
		await page.goto(attemptUrl);
		const attempt = new AttemptPage(page);
		const shown = await attempt.read();
		const right = answersFor(module.bank, shown, 'right');
		const outside = module.bank.questions.find(
			(q) => !shown.some((s) => s.fieldName === `q-${q.id}`)
		)!;
		const single = shown.find((q) => q.kind === 'radio')!;
		const submit = `${attemptUrl}?/submit`;
		const cases: [string, [string, string][], number, RegExp | null][] = [
			[
				'an unknown option id',
				[[right[0]![0], 'zz'], ...right.slice(1)],
				400,
				/not one of its options/
			],
			[
				'a question outside the attempt',
				[...right, [`q-${outside.id}`, 'a']],
				400,
				/not a question in this attempt/
			],
			['a made-up field', [...right, ['score', '100']], 400, /unexpected field/],
			[
				'a missing answer',
				right.filter(([name]) => name !== shown[0]!.fieldName),
				400,
				/Question 1 is unanswered/
			],
			[
				'two answers to a single-answer question',
				[...right, ...single.options.map((o): [string, string] => [single.fieldName, o.value])],
				400,
				/takes one answer|sent more than once/
			],
			['a 1 MB body', [['q-x', 'a'.repeat(1024 * 1024)]], 413, null]
		];
		for (const [what, fields, status, message] of cases) {
			response = await post(submit, fields);
			expect(response.status(), what).toBe(status);
			if (message) expect(await response.text(), what).toMatch(message);
		}
		await page.reload();
		await expect(attempt.submitButton()).toBeVisible();
		expect(await attempt.read()).toEqual(shown);

		// Someone else's attempt id is as absent as a made-up one, to read and to submit.
		const otherContext = await browser.newContext({ baseURL });
		const other = await otherContext.newPage();
		await signUp(other, 'Oz Other');
		expect((await formPost(otherContext.request, baseURL!)(submit, right)).status()).toBe(404);
		expect((await other.goto(attemptUrl))?.status()).toBe(404);
		const otherSees = normaliseText(await other.content());
		for (const question of module.bank.questions) {
			expect(otherSees).not.toContain(normaliseText(question.html));
		}
		await otherContext.close();
		expect(
			(
				await post(
					`/modules/common-factors/post-test/${attemptUrl.split('/').pop()}?/submit`,
					right
				)
			).status()
		).toBe(404);
		await page.reload();
		await expect(attempt.submitButton()).toBeVisible();

		// Graded once; the same form again is the same result; anything else is refused.
		response = await post(submit, right);
		expect(response.status()).toBe(303);
		expect(response.headers().location).toBe(attemptUrl);
		expect((await post(submit, right)).status()).toBe(303);
		response = await post(submit, answersFor(module.bank, shown, 'wrong'));
		expect(response.status()).toBe(409);
		expect(await response.text()).toContain('already submitted and graded');
		response = await post(start);
		expect(response.status()).toBe(409);
		expect(await response.text()).toContain('cannot be retaken for credit');
		await page.goto(attemptUrl);
		await expect(new ResultPage(page).outcome()).toContainText('Passed: you scored 100%');
		await page.goto(`/modules/${module.slug}`);
		await expect(moduleSection(page).getByRole('row')).toHaveCount(2);
	});

	test('50 concurrent submissions of one attempt record one result, the same for all', async ({
		page,
		baseURL
	}) => {
		const module = moduleBySlug('therapeutic-alliance');
		await signUp(page, 'Cy Concurrent');
		await completeAllLessons(page.request, baseURL!, module.slug);
		const post = formPost(page.request, baseURL!);
		const started = await post(`/modules/${module.slug}/post-test?/start`);
		const attemptUrl = started.headers().location!;
		await page.goto(attemptUrl);
		const fields = answersFor(module.bank, await new AttemptPage(page).read(), 'wrong');
		const responses = await Promise.all(
			Array.from({ length: 50 }, () => post(`${attemptUrl}?/submit`, fields))
		);
		for (const response of responses) {
			expect(response.status()).toBe(303);
			expect(response.headers().location).toBe(attemptUrl);
		}
		await page.goto(`/modules/${module.slug}`);
		const rows = moduleSection(page).getByRole('row');
		await expect(rows).toHaveCount(2);
		await expect(rows.nth(1)).toContainText('0% (0 of 10)');
		await page.goto(`/modules/${module.slug}/post-test`);
		await expect(page.getByText('Attempts used: 1 of 3; 2 attempts left.')).toBeVisible();
	});

	test('after the last failed attempt a new one is refused, naming the way to another', async ({
		page,
		baseURL
	}) => {
		const module = moduleBySlug('common-factors');
		await signUp(page, 'Cap Reached');
		await completeAllLessons(page.request, baseURL!, module.slug);
		const post = formPost(page.request, baseURL!);
		const start = `/modules/${module.slug}/post-test?/start`;
		let last = '';
		let lastShown: ShownQuestion[] = [];
		for (let n = 0; n < 3; n++) {
			last = (await post(start)).headers().location!;
			await page.goto(last);
			lastShown = await new AttemptPage(page).read();
			const graded = await post(`${last}?/submit`, answersFor(module.bank, lastShown, 'wrong'));
			expect(graded.status()).toBe(303);
		}
		const refused = await post(start);
		expect(refused.status()).toBe(403);
		expect(await refused.text()).toContain('An administrator can grant you another attempt.');
		const late = await post(`${last}?/submit`, answersFor(module.bank, lastShown, 'right'));
		expect(late.status()).toBe(409);
		await page.goto(last);
		await expect(new ResultPage(page).outcome()).toContainText('Not passed: you scored 0%');
		await page.goto(`/modules/${module.slug}`);
		await expect(moduleSection(page).getByRole('row')).toHaveCount(4);
	});
});
