/**
 * The lesson page's only script in production. Lesson pages are documents and are not hydrated
 * (`csr` is off for them outside dev), which keeps their JavaScript to this file; it finds the
 * heartbeat URL on the lesson and starts counting.
 */
import { beaconSender, startHeartbeat } from './heartbeat';

const url = document.querySelector<HTMLElement>('[data-heartbeat-url]')?.dataset.heartbeatUrl;
if (url) startHeartbeat({ send: beaconSender(url) });
