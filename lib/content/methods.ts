import type { Channel, Procedure } from './schema';

export type Method = Procedure['methods'][number];
export type MethodGroup = { channels: Channel[]; method: Method };

/**
 * Methods that share a value (time limit, fees) grouped in first-seen order, so a page states each
 * value once with the channels it applies to instead of repeating the same official text per channel.
 */
export function groupMethods(methods: Method[], value: (m: Method) => unknown): MethodGroup[] {
  const groups = new Map<string, MethodGroup>();
  for (const m of methods) {
    const key = JSON.stringify(value(m));
    const group = groups.get(key);
    if (group) group.channels.push(m.channel);
    else groups.set(key, { channels: [m.channel], method: m });
  }
  return [...groups.values()];
}
