// Hex SHA-256 by node:crypto, synchronous: the service's one hash on Node (inputs, cache keys, keys, template files).
import { createHash } from 'node:crypto';

export const nodeSha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
