import { overviewComponent } from '$lib/content-components';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({
	...data,
	Overview: await overviewComponent(data.module.slug)
});
