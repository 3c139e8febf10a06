import { MigrationInterface, QueryRunner } from 'typeorm';

export class PolicyDataVersions1796217418056 implements MigrationInterface {
  name = 'PolicyDataVersions1796217418056';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`policy_data_versions\` (\`policy_id\` int NOT NULL, \`version\` bigint UNSIGNED NOT NULL DEFAULT '0', \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`policy_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`policy_data_versions\` ADD CONSTRAINT \`FK_2301f90ca4feab4f1b52075c885\` FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`policy_data_versions\` DROP FOREIGN KEY \`FK_2301f90ca4feab4f1b52075c885\``);
    await queryRunner.query(`DROP TABLE \`policy_data_versions\``);
  }
}
