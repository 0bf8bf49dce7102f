import * as migration_20261128_110403_initial from './20261128_110403_initial';
import * as migration_20261128_113053_moderation from './20261128_113053_moderation';

export const migrations = [
  {
    up: migration_20261128_110403_initial.up,
    down: migration_20261128_110403_initial.down,
    name: '20261128_110403_initial',
  },
  {
    up: migration_20261128_113053_moderation.up,
    down: migration_20261128_113053_moderation.down,
    name: '20261128_113053_moderation'
  },
];
