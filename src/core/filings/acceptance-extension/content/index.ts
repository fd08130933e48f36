// The content of the 延期验收申请, by section id.
import type { ContentBuilders } from '../../filing.ts';
import type { AcceptanceExtensionInput } from '../schema.ts';
import { letterFrame } from './letter-frame.ts';
import { request } from './request.ts';

export const content: ContentBuilders<AcceptanceExtensionInput> = { ...letterFrame, ...request };
