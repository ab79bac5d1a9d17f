import { error, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { visibleModule } from '$lib/server/content/visibility';
import { formFailure, parseForm } from '$lib/server/forms/parse';
import { reflectionForm } from '$lib/server/forms/progress-forms';
import {
	completeLesson,
	moduleProgress,
	recordLessonOpened
} from '$lib/server/progress/lesson-progress';
import { reflectionsFor, saveReflection } from '$lib/server/progress/reflections';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function findLesson(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const user = event.locals.user;
	if (!user) error(401, 'Sign in to read lessons.');
	const module = visibleModule(user, event.params.slug);
	const index = module?.lessons.findIndex((l) => l.slug === event.params.lesson) ?? -1;
	if (!module || index < 0) error(404, 'Page not found');
	return { user, module, lesson: module.lessons[index]!, index };
}

export const load: PageServerLoad = async (event) => {
	const { user, module, lesson, index } = findLesson(event);
	await recordLessonOpened(db(), user.id, module, lesson.slug);
	const [progress, reflections] = await Promise.all([
		moduleProgress(db(), user.id, module),
		reflectionsFor(db(), user.id, module.slug)
	]);
	const neighbour = (i: number) => {
		const l = module.lessons[i];
		return l ? { slug: l.slug, title: l.title } : null;
	};
	return {
		module: {
			slug: module.slug,
			title: module.title,
			draft: module.draft,
			lessonCount: module.lessons.length,
			references: module.references
		},
		lesson: {
			slug: lesson.slug,
			file: lesson.file,
			number: index + 1,
			title: lesson.title,
			minutes: lesson.minutes,
			outline: lesson.outline,
			completed: progress.lessons[index]?.status === 'completed'
		},
		completedCount: progress.completed,
		previous: neighbour(index - 1),
		next: neighbour(index + 1),
		reflections
	};
};

export const actions: Actions = {
	complete: async (event) => {
		const { user, module, lesson, index } = findLesson(event);
		await completeLesson(db(), user.id, module, lesson.slug);
		const next = module.lessons[index + 1];
		redirect(303, next ? `/modules/${module.slug}/${next.slug}` : `/modules/${module.slug}`);
	},

	reflection: async (event) => {
		const { user, module, lesson } = findLesson(event);
		// Up to twice the longest reflection allowed, so a text refused as too long comes back whole.
		const form = await parseForm(event.request, reflectionForm, { keepCharacters: 20_000 });
		if (!form.ok) return formFailure(400, form.errors, form.values, 'reflection');
		if (!lesson.reflections.some((r) => r.id === form.data.reflectionId)) {
			return formFailure(
				400,
				{ form: 'This lesson has no such reflection prompt.' },
				{},
				'reflection'
			);
		}
		await saveReflection(
			db(),
			{ userId: user.id, moduleSlug: module.slug, reflectionId: form.data.reflectionId },
			form.data.answer
		);
		// Back to the reflection itself: without JavaScript the page would otherwise open at the top.
		redirect(
			303,
			`/modules/${module.slug}/${lesson.slug}#reflection-${form.data.reflectionId}-heading`
		);
	}
};
