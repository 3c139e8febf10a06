import { graphql } from '../gql';

/**
 * Every GraphQL operation of the web app (one per page, plus the batch issues on their own so the
 * /lotes issues list adapts in one place). Types are generated from schema.graphql (docs/web.md).
 */

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      role
      name
      entity {
        code
        name
      }
    }
  }
`);

export const HomePageQuery = graphql(`
  query HomePage($from: Date!, $to: Date!) {
    policies(first: 200) {
      totalCount
      nodes {
        code
        name
        startYear
        endYear
        leadEntity {
          code
          name
          acronym
        }
        progress {
          cut
          total {
            productCount
            toDate {
              progress
              ideal
              gap
            }
            shares {
              green
              yellow
              red
            }
          }
        }
      }
    }
    instances(first: 500) {
      totalCount
      nodes {
        code
        name
        kind
        technicalSecretariat {
          code
          name
          acronym
        }
        stats(from: $from, to: $to) {
          sessions {
            type
            held
            programmed
          }
        }
      }
    }
  }
`);

export const PolicyPageQuery = graphql(`
  query PolicyPage($code: String!, $cut: Date, $filter: PolicyProductFilter, $basis: ReportBasis!) {
    policy(code: $code) {
      code
      name
      startYear
      endYear
      vigencias
      legalAct
      adoptionDate
      leadEntity {
        code
        name
        acronym
      }
      objectives {
        number
        text
      }
      reviewRequired
      publishedCuts(first: 50) {
        id
        title
        cut
        publishedAt
        publishedBy
      }
      progress(cut: $cut, basis: $basis) {
        cut
        total {
          productCount
          missingReportCount
          pendingReviewCount
          overExecutionCount
          toDate {
            progress
            ideal
            gap
          }
          cumulative {
            progress
            ideal
            gap
          }
          lights {
            alto
            medio
            bajo
            notDue
          }
          shares {
            green
            yellow
            red
          }
        }
        byObjective {
          objective {
            number
            text
          }
          progress {
            productCount
            toDate {
              progress
              ideal
              gap
            }
          }
        }
        bySector {
          sector {
            name
          }
          progress {
            productCount
            lights {
              alto
              medio
              bajo
              notDue
            }
          }
        }
        byEntity {
          entity {
            code
            name
            acronym
          }
          progress {
            productCount
            missingReportCount
          }
        }
      }
      products(cut: $cut, filter: $filter, first: 1000) {
        totalCount
        nodes {
          code
          name
          indicator
          objective {
            number
          }
          sector {
            name
          }
          responsibleEntity {
            code
            name
            acronym
          }
          progress(cut: $cut, basis: $basis) {
            due
            trafficLight
            missingReport
            overExecution
            toDate {
              progress
              ideal
              gap
            }
          }
        }
      }
      missing: products(cut: $cut, filter: { missingReport: true }, first: 1000) {
        totalCount
        nodes {
          code
          name
          responsibleEntity {
            code
            name
            acronym
          }
        }
      }
    }
  }
`);

export const ProductPageQuery = graphql(`
  query ProductPage($policyCode: String!, $code: String!, $cut: Date) {
    product(policyCode: $policyCode, code: $code) {
      code
      name
      indicator
      formula
      unit
      focus
      targetPopulation
      sdg
      developmentPlanLink
      baselineValue
      baselineDate
      baselineSource
      annualizationType
      periodicity
      weight
      priority
      finalGoal
      policy {
        code
        name
      }
      objective {
        number
        text
      }
      sector {
        name
      }
      responsibleEntity {
        code
        name
        acronym
      }
      coResponsibleEntities {
        code
        name
        acronym
      }
      goals {
        year
        period
        value
      }
      reports {
        id
        year
        period
        value
        qualitative
        difficulties
        evidence
        reportedBy
        updatedAt
        history {
          changedAt
          previousValue
          newValue
        }
      }
      trajectory(cut: $cut) {
        year
        period
        periodEnd
        progress {
          achieved
          goalToDate
          due
          trafficLight
          toDate {
            progress
          }
        }
      }
      progress(cut: $cut) {
        cut
        achieved
        finalGoal
        goalToDate
        ratio
        due
        trafficLight
        missingReport
        overExecution
        toDate {
          progress
          ideal
          gap
        }
        cumulative {
          progress
          ideal
          gap
        }
      }
    }
  }
`);

export const InstancePageQuery = graphql(`
  query InstancePage($code: String!, $from: Date!, $to: Date!, $overdueBefore: Date!) {
    instance(code: $code) {
      code
      name
      kind
      territory
      legalBasis
      quorumRule
      technicalSecretariat {
        code
        name
        acronym
      }
      functions {
        number
        text
      }
      stats(from: $from, to: $to) {
        from
        to
        functionCoverage
        commitments {
          open
          done
          overdue
        }
        sessions {
          type
          held
          programmed
          compliance
        }
      }
      memberships {
        id
        role
        fromDate
        toDate
        attendanceRate(from: $from, to: $to)
        person {
          id
          name
          position
          email
          entity {
            code
            name
            acronym
          }
        }
      }
      sessions(from: $from, to: $to) {
        id
        year
        number
        date
        type
        status
        quorum {
          met
          present
          required
          voting
        }
        attendance {
          attended
          delegated
          person {
            id
          }
        }
      }
    }
    commitments(filter: { instanceCode: $code }, first: 1000) {
      nodes {
        id
        text
        status
        dueDate
        responsibleEntity {
          code
          name
          acronym
        }
        session {
          year
          number
          date
        }
      }
    }
    overdue: commitments(filter: { instanceCode: $code, status: ABIERTO, dueBefore: $overdueBefore }, first: 1000) {
      nodes {
        id
      }
    }
  }
`);

export const SessionPageQuery = graphql(`
  query SessionPage($code: String!, $year: Int!, $number: Int!) {
    session(instanceCode: $code, year: $year, number: $number) {
      year
      number
      date
      startTime
      endTime
      place
      modality
      type
      status
      minutesUrl
      instance {
        code
        name
      }
      agenda {
        position
        text
      }
      attendance {
        attended
        delegated
        observations
        person {
          id
          name
          position
          entity {
            code
            name
            acronym
          }
        }
      }
      quorum {
        met
        present
        required
        voting
      }
      commitments {
        id
        text
        status
        dueDate
        responsibleEntity {
          code
          name
          acronym
        }
      }
      reviews {
        id
        report
        feedback
        observations
        product {
          code
          name
          policy {
            code
          }
        }
      }
      functionsAddressed {
        number
        text
      }
    }
  }
`);

export const BatchesPageQuery = graphql(`
  query BatchesPage($filter: ImportBatchFilter) {
    importBatches(first: 200, filter: $filter) {
      totalCount
      nodes {
        id
        fileName
        kind
        status
        uploader
        createdAt
        startedAt
        finishedAt
        parseMs
        validateMs
        importMs
        rowsRead
        rowsInserted
        rowsUpdated
        rowsUnchanged
        rowsRejected
        errorCount
        warningCount
      }
    }
  }
`);

/**
 * The issues of one batch, on their own: the first page of the `issues` connection (the stored list keeps at
 * most IMPORT_MAX_ISSUES_PER_CODE per code) and the totals per code and column, which count them all.
 */
export const BatchIssuesQuery = graphql(`
  query BatchIssues($id: ID!) {
    importBatch(id: $id) {
      id
      fileName
      errorCount
      warningCount
      issueTotals {
        severity
        code
        sheet
        column
        count
      }
      issues(first: 1000) {
        totalCount
        nodes {
          severity
          code
          sheet
          row
          column
          value
          message
        }
      }
    }
  }
`);

export const PublishCutMutation = graphql(`
  mutation PublishCut($policyCode: String!, $cut: Date!, $title: String!) {
    publishCut(policyCode: $policyCode, cut: $cut, title: $title) {
      id
      title
      cut
      publishedAt
      publishedBy
    }
  }
`);

export const ReviewQueueQuery = graphql(`
  query ReviewQueue {
    progressReports(filter: { reviewStatus: PENDING }, first: 500) {
      totalCount
      nodes {
        id
        year
        period
        value
        approvedValue
        reviewVersion
        reportedBy
        updatedAt
        product {
          code
          name
          indicator
          policy {
            code
            name
          }
          responsibleEntity {
            code
            name
            acronym
          }
        }
      }
    }
  }
`);

export const ApproveReportsMutation = graphql(`
  mutation ApproveReports($ids: [ID!]!, $versions: [Int!]) {
    approveReports(ids: $ids, versions: $versions) {
      count
    }
  }
`);

export const ReturnReportsMutation = graphql(`
  mutation ReturnReports($ids: [ID!]!, $versions: [Int!], $comment: String!) {
    returnReports(ids: $ids, versions: $versions, comment: $comment) {
      count
    }
  }
`);

/** `/claves`: the access keys (revoked ones too) and the entities a key can act for. */
export const KeysPageQuery = graphql(`
  query KeysPage {
    apiTokens(includeRevoked: true, first: 1000) {
      id
      name
      role
      prefix
      active
      createdAt
      createdBy
      expiresAt
      lastUsedAt
      revokedAt
      entity {
        code
        name
      }
    }
    entities(first: 1000) {
      nodes {
        code
        name
      }
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        id
        name
        role
        expiresAt
        entity {
          code
          name
        }
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      active
      revokedAt
    }
  }
`);

/** `/reportar`: one batch followed after "Enviar" (status, rows read, phase timings) until it ends. */
export const BatchProgressQuery = graphql(`
  query BatchProgress($id: ID!) {
    importBatch(id: $id) {
      id
      fileName
      kind
      status
      startedAt
      finishedAt
      parseMs
      validateMs
      importMs
      rowsRead
      rowsInserted
      rowsUpdated
      rowsUnchanged
      rowsRejected
      errorCount
      warningCount
    }
  }
`);

/**
 * `/reportar`: the entity's desk (docs/reportar.md) — products and results with the periods due today,
 * goal, report and review state — and, for ADMIN, the entities to choose from.
 */
export const ReportDeskQuery = graphql(`
  query ReportDesk($entityCode: String, $withDesk: Boolean!, $isAdmin: Boolean!) {
    entities(first: 1000) @include(if: $isAdmin) {
      nodes {
        code
        name
      }
    }
    instances(first: 100, filter: { entityCode: $entityCode }) @include(if: $withDesk) {
      nodes {
        code
        name
      }
    }
    reportingDesk(entityCode: $entityCode) @include(if: $withDesk) {
      entity {
        code
        name
      }
      date
      itemCount
      counts {
        missing
        submitted
        approved
        returned
        closed
      }
      items(first: 100) {
        id
        kind
        policyCode
        code
        name
        role
        unit
        pendingCount
        periodCount
        periods(first: 24) {
          year
          period
          label
          goal
          state
          report {
            id
            value
            reviewStatus
            reviewComment
          }
        }
      }
    }
  }
`);
