/** The Date scalar is defined with the domain types (entities use it); re-exported for the GraphQL layer. */
export { DateScalar, isIsoDate } from '../../domain/date.scalar';
