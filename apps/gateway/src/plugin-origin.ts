import type { Plugin } from 'graphql-yoga';

/**
 * Which factory made each yoga plugin the gateway runs: the fast path's fence
 * (`src/fast-path-fence.ts`) knows plugins by their factory, and a plugin object carries no name.
 * At the bottom of the gateway's modules, like `context.ts`: every plugin factory marks what it
 * makes, and only the fence reads it.
 */

/** A function that makes a yoga plugin. */
export type PluginFactory = (...args: never[]) => Plugin;

const FACTORY_OF = new WeakMap<Plugin, PluginFactory>();

/** Records that `factory` made `plugin`, and returns the plugin. */
export function madeBy<P extends Plugin>(factory: PluginFactory, plugin: P): P {
  FACTORY_OF.set(plugin, factory);
  return plugin;
}

/** The factory that made `plugin`, when it marked it with {@link madeBy}. */
export function factoryOf(plugin: Plugin): PluginFactory | undefined {
  return FACTORY_OF.get(plugin);
}
