import { registerEnumType } from 'type-graphql';
import {
  AnnualizationType,
  CommitmentStatus,
  EntityLevel,
  ImportIssueSeverity,
  ImportKind,
  ImportStatus,
  InstanceKind,
  MembershipRole,
  Periodicity,
  ReportBasis,
  ReviewStatus,
  ProductStatus,
  QualityFlag,
  SessionModality,
  SessionStatus,
  SessionType,
  TrafficLight,
} from '../domain/enums';

registerEnumType(EntityLevel, {
  name: 'EntityLevel',
  description: 'Level of an entity (nivel): district, national, control body, civil society…',
});
registerEnumType(InstanceKind, { name: 'InstanceKind', description: 'Kind of coordination instance (tipo de instancia).' });
registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  description: 'Role of a member (rol). PRESIDENCIA, SECRETARIA_TECNICA and INTEGRANTE vote and count for quorum.',
});
registerEnumType(SessionType, { name: 'SessionType', description: 'Session type: ordinary or extraordinary.' });
registerEnumType(SessionModality, { name: 'SessionModality', description: 'Where a session is held: in person, virtual or mixed.' });
registerEnumType(SessionStatus, { name: 'SessionStatus', description: 'Programmed, held (REALIZADA) or cancelled.' });
registerEnumType(CommitmentStatus, { name: 'CommitmentStatus', description: 'Open (ABIERTO) or done (CUMPLIDO). Overdue is computed.' });
registerEnumType(AnnualizationType, {
  name: 'AnnualizationType',
  description: 'SEGPLAN annualization type (tipo de anualización): how yearly goals and reports combine (docs/calculation.md §3).',
});
registerEnumType(Periodicity, {
  name: 'Periodicity',
  description:
    'How often a product or result reports (SDP catalogue): monthly, bimonthly, quarterly, four-monthly, half-yearly, yearly, or once per span of 2, 3, 4 or 5 years (docs/calculation.md §1).',
});
registerEnumType(ProductStatus, {
  name: 'ProductStatus',
  description: 'VIGENTE (counts) or NO_VIGENTE (withdrawn from the plan: weighs 0 from its date, listed apart).',
});
registerEnumType(QualityFlag, {
  name: 'QualityFlag',
  description: 'A quality problem found at import and kept with the record (docs/ingestion.md, checks table).',
});
registerEnumType(TrafficLight, {
  name: 'TrafficLight',
  description: 'Traffic light (semáforo) of a product at a cut (docs/calculation.md §4).',
});
registerEnumType(ImportKind, { name: 'ImportKind', description: 'Kind of workbook: action plan, progress report or instance management.' });
registerEnumType(ImportStatus, { name: 'ImportStatus', description: 'Lifecycle of an import batch.' });
registerEnumType(ImportIssueSeverity, {
  name: 'ImportIssueSeverity',
  description: 'ERROR rejects the workbook; WARNING is stored and does not block.',
});
registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description:
    "Review state of a progress report: PENDING (sent, waiting for the office), APPROVED, RETURNED (sent back with the office's comment).",
});
registerEnumType(ReportBasis, {
  name: 'ReportBasis',
  description:
    'Which reported values the figures use: APPROVED (the last value the office approved; default) or SUBMITTED (the latest value sent).',
});
