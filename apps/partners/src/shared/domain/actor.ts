// The actor model is shared by every service; partners adds no rules of its own to it.
export { coordinatingIn, isOperator } from '@bildungsraum/domain-kernel';
export type { Actor, ActorRole } from '@bildungsraum/domain-kernel';
