/**
 * The dashboard query of shared/spec/api.md, plus the results level (issue 9): the results aggregate
 * in `progress.results` and the result indicators in `results`, which must not change the fixed
 * number of statements.
 */
export const DASHBOARD_QUERY = /* GraphQL */ `
  query Dashboard($code: String!, $cut: Date) {
    policy(code: $code) {
      code
      name
      progress(cut: $cut) {
        total {
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
          }
          progress {
            toDate {
              progress
              ideal
              gap
            }
          }
        }
        results {
          productCount
          toDate {
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
        }
        bySector {
          sector {
            name
          }
          progress {
            productCount
            toDate {
              progress
            }
            lights {
              alto
              medio
              bajo
              notDue
            }
          }
        }
      }
      results(first: 100) {
        nodes {
          code
          progress(cut: $cut) {
            trafficLight
            ratio
            toDate {
              progress
            }
          }
        }
      }
      products(first: 1000) {
        nodes {
          code
          progress(cut: $cut) {
            trafficLight
            ratio
            toDate {
              progress
            }
            cumulative {
              progress
              ideal
              gap
            }
          }
        }
      }
    }
  }
`;
