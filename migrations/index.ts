import * as migration_20261128_110403_initial from './20261128_110403_initial';

export const migrations = [
  {
    up: migration_20261128_110403_initial.up,
    down: migration_20261128_110403_initial.down,
    name: '20261128_110403_initial'
  },
];
