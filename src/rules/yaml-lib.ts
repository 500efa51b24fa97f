// The yaml library, loaded when a rules file is actually read. A start that finds the checked
// rules in the cache never needs it, and loading it costs about 40 ms of every command's start.
import { createRequire } from 'node:module';

type YamlLibrary = typeof import('yaml');

const require = createRequire(import.meta.url);
let library: YamlLibrary | null = null;

export function yamlLibrary(): YamlLibrary {
  return (library ??= require('yaml') as YamlLibrary);
}
