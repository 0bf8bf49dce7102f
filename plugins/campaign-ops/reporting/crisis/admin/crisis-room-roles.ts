import type { Role } from '../../../../../src/domain/roles'

/** Who sees the crisis room and the alert banner: those who read the alerts. */
export const crisisRoomReaders: readonly Role[] = ['admin', 'ncsc', 'cm', 'analyst']
/** Who works an alert (checklist, acknowledge, resolve). */
export const crisisRoomWorkers: readonly Role[] = ['admin', 'ncsc', 'cm']
