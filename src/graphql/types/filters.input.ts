import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import {
  ReviewStatus,
  AnnualizationType,
  CommitmentStatus,
  EntityLevel,
  ImportIssueSeverity,
  ImportKind,
  ImportStatus,
  InstanceKind,
  Periodicity,
  ProductStatus,
  SessionStatus,
  SessionType,
  TrafficLight,
} from '../../domain/enums';
import '../../entities/enums.registry';
import { DateScalar } from '../scalars/date.scalar';

export enum EntitySort {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(EntitySort, { name: 'EntitySort', description: 'Order of an entity list.' });

export enum ImportBatchSort {
  CREATED_AT = 'CREATED_AT',
  FINISHED_AT = 'FINISHED_AT',
  FILE_NAME = 'FILE_NAME',
}
registerEnumType(ImportBatchSort, {
  name: 'ImportBatchSort',
  description: 'Order of an import-batch list (ties, and batches not finished yet, by id).',
  valuesConfig: {
    CREATED_AT: { description: 'When the batch was created (upload or claim).' },
    FINISHED_AT: { description: 'When processing finished; unfinished batches first ascending, last descending.' },
    FILE_NAME: { description: 'File name as uploaded.' },
  },
});

export enum ProductSort {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(ProductSort, { name: 'ProductSort', description: 'Order of a product list.' });

@InputType('EntityFilter', { description: 'Filters for the entity list; all given filters must match.' })
export class EntityFilterInput {
  @Field(() => ID, { nullable: true, description: 'Sector id.' })
  sectorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Sector name, exactly.' })
  sectorName?: string | null;

  @Field(() => EntityLevel, { nullable: true, description: 'Level.' })
  level?: EntityLevel | null;

  @Field(() => String, { nullable: true, description: 'Text contained in the code, name or acronym.' })
  search?: string | null;
}

@InputType('PersonFilter', { description: 'Filters for the person list.' })
export class PersonFilterInput {
  @Field(() => String, { nullable: true, description: 'Code of the entity the person belongs to.' })
  entityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Text contained in the name.' })
  search?: string | null;
}

@InputType('InstanceFilter', { description: 'Filters for the instance list.' })
export class InstanceFilterInput {
  @Field(() => InstanceKind, { nullable: true, description: 'Kind of instance.' })
  kind?: InstanceKind | null;

  @Field(() => String, { nullable: true, description: 'Code of the technical-secretariat entity.' })
  entityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Text contained in the code or name.' })
  search?: string | null;
}

@InputType('SessionFilter', { description: 'Filters for the session list.' })
export class SessionFilterInput {
  @Field(() => String, { nullable: true, description: 'Instance code.' })
  instanceCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year the session number belongs to.' })
  year?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Sessions on or after this date.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Sessions on or before this date.' })
  to?: string | null;

  @Field(() => SessionType, { nullable: true, description: 'Session type.' })
  type?: SessionType | null;

  @Field(() => SessionStatus, { nullable: true, description: 'Session status.' })
  status?: SessionStatus | null;
}

@InputType('CommitmentFilter', { description: 'Filters for the commitment list.' })
export class CommitmentFilterInput {
  @Field(() => String, { nullable: true, description: 'Instance code.' })
  instanceCode?: string | null;

  @Field(() => CommitmentStatus, { nullable: true, description: 'Status.' })
  status?: CommitmentStatus | null;

  @Field(() => String, { nullable: true, description: 'Code of the responsible entity.' })
  responsibleEntityCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Due strictly before this date (with status ABIERTO: overdue at that date).' })
  dueBefore?: string | null;
}

@InputType('PolicyFilter', { description: 'Filters for the policy list.' })
export class PolicyFilterInput {
  @Field(() => String, { nullable: true, description: 'Code of the lead entity.' })
  leadEntityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Text contained in the code or name.' })
  search?: string | null;
}

@InputType('ProductFilter', { description: 'Filters for the product list.' })
export class ProductFilterInput {
  @Field(() => String, { nullable: true, description: 'Policy code.' })
  policyCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Objective number within the policy.' })
  objectiveNumber?: number | null;

  @Field(() => String, { nullable: true, description: "Name of the responsible entity's sector." })
  sectorName?: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the responsible entity.' })
  responsibleEntityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Code of an entity that is responsible or co-responsible.' })
  involvedEntityCode?: string | null;

  @Field(() => AnnualizationType, { nullable: true, description: 'Annualization type.' })
  annualizationType?: AnnualizationType | null;

  @Field(() => Periodicity, { nullable: true, description: 'Periodicity.' })
  periodicity?: Periodicity | null;

  @Field(() => ProductStatus, {
    nullable: true,
    description: 'VIGENTE or NO_VIGENTE (withdrawn products are listed apart with this filter).',
  })
  status?: ProductStatus | null;
}

@InputType('PolicyProductFilter', {
  description: "Filters for a policy's products; the computed ones (traffic light, flags) are evaluated at the `cut` given to the list.",
})
export class PolicyProductFilterInput {
  @Field(() => TrafficLight, { nullable: true, description: 'Traffic light at the cut.' })
  trafficLight?: TrafficLight | null;

  @Field(() => Boolean, { nullable: true, description: 'Flagged (or not) for a missing report at the cut.' })
  missingReport?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Flagged (or not) for over-execution at the cut.' })
  overExecution?: boolean | null;

  @Field(() => String, { nullable: true, description: "Name of the responsible entity's sector." })
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the responsible entity.' })
  entity?: string | null;

  @Field(() => Int, { nullable: true, description: 'Objective number.' })
  objectiveNumber?: number | null;

  @Field(() => ProductStatus, {
    nullable: true,
    description: 'VIGENTE or NO_VIGENTE (withdrawn products are listed apart with this filter).',
  })
  status?: ProductStatus | null;

  @Field(() => String, { nullable: true, description: 'Code of the result (resultado) the products belong to.' })
  result?: string | null;
}

@InputType('PolicyResultFilter', {
  description: "Filters for a policy's results; the computed ones are evaluated at the `cut` given to the list.",
})
export class PolicyResultFilterInput {
  @Field(() => Int, { nullable: true, description: 'Objective number.' })
  objectiveNumber?: number | null;

  @Field(() => TrafficLight, { nullable: true, description: 'Traffic light at the cut.' })
  trafficLight?: TrafficLight | null;

  @Field(() => Boolean, { nullable: true, description: 'Flagged (or not) for a missing report at the cut.' })
  missingReport?: boolean | null;
}

@InputType('ProgressReportFilter', { description: 'Filters for the progress-report list.' })
export class ProgressReportFilterInput {
  @Field(() => String, { nullable: true, description: 'Policy code.' })
  policyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Product code (use with policyCode).' })
  productCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year.' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Period code: ANUAL, S1, T2, M07…' })
  period?: string | null;

  @Field(() => ID, { nullable: true, description: 'Import batch that stored the report.' })
  importBatchId?: string | null;

  @Field(() => ReviewStatus, { nullable: true, description: "Review state (PENDING: the office's review queue)." })
  reviewStatus?: ReviewStatus | null;
}

@InputType('ImportBatchFilter', { description: 'Filters for the import-batch list.' })
export class ImportBatchFilterInput {
  @Field(() => ImportStatus, { nullable: true, description: 'Status.' })
  status?: ImportStatus | null;

  @Field(() => ImportKind, { nullable: true, description: 'Kind of workbook.' })
  kind?: ImportKind | null;

  @Field(() => String, { nullable: true, description: 'Uploader name, exactly.' })
  uploader?: string | null;

  @Field(() => Date, { nullable: true, description: 'Created at or after this instant.' })
  createdFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Created at or before this instant.' })
  createdTo?: Date | null;
}

@InputType('ImportIssueFilter', { description: "Filters for a batch's issues; all given filters must match." })
export class ImportIssueFilterInput {
  @Field(() => ImportIssueSeverity, { nullable: true, description: 'Only this severity.' })
  severity?: ImportIssueSeverity | null;

  @Field(() => String, { nullable: true, description: 'Only this code, e.g. PRODUCTO_INEXISTENTE.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this sheet.' })
  sheet?: string | null;
}
