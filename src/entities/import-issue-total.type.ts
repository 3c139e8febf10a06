import { Field, Int, ObjectType } from 'type-graphql';
import { ImportIssueSeverity } from '../domain/enums';
import './enums.registry';

/** How many issues of one code a batch had in one sheet and column (stored with the batch, never capped). */
export interface IssueTotal {
  severity: ImportIssueSeverity;
  code: string;
  sheet: string | null;
  column: string | null;
  count: number;
}

@ObjectType('ImportIssueTotal', {
  description:
    'How many errors or warnings of one code a batch had in one sheet and column. Counted over every issue found, ' +
    'including those beyond the per-code cap that are not stored or listed.',
})
export class ImportIssueTotalType implements IssueTotal {
  @Field(() => ImportIssueSeverity, { description: 'ERROR blocks the import; WARNING does not.' })
  severity!: ImportIssueSeverity;

  @Field(() => String, { description: 'Stable machine-readable code, e.g. PRODUCTO_INEXISTENTE.' })
  code!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Sheet name; null for workbook-level issues, or for the group that collects the rest once 500 groups are counted.',
  })
  sheet!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Column header; null for sheet- or workbook-level issues, or for the group that collects the rest.',
  })
  column!: string | null;

  @Field(() => Int, { description: 'Issues of this code in this sheet and column.' })
  count!: number;
}
