import * as migration_20261125_232848_initial from './20261125_232848_initial';
import * as migration_20261125_233000_spec_constraints from './20261125_233000_spec_constraints';

export const migrations = [
  {
    up: migration_20261125_232848_initial.up,
    down: migration_20261125_232848_initial.down,
    name: '20261125_232848_initial',
  },
  {
    up: migration_20261125_233000_spec_constraints.up,
    down: migration_20261125_233000_spec_constraints.down,
    name: '20261125_233000_spec_constraints',
  },
];
