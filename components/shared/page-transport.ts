import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messages/client';
import { answerWithin } from '../../lib/messages/timeout';
import type { Send } from './api';

// One deadline-bound transport for the page's whole life: the popup and the options page both send
// this way, and the wrapper holds nothing from one message to the next.
const transport = answerWithin((message) => browser.runtime.sendMessage(message));

/** A message from an extension page (popup, options) to the background, failed if no answer comes in time. */
export const send: Send = (name, data) => sendMessage(transport, name, data);
