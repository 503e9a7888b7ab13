// ライセンス (/admin/licences, where the licence reminder e-mail leads): the contract with its
// form, usage against it, the guests' licence states and the estimate. The persistent warning
// about guests beyond their licences is the area's banner (admin-layout.tsx), shown here too.
import { useQuery } from '@tanstack/react-query';
import { getContract, getUsage } from '../../api/admin-licences';
import { useStrings } from '../../i18n/area-strings';
import { Loading } from '../../ui/loading';
import { USAGE_KEY } from './queries';
import { PageHeading, QueryError } from './admin-ui';
import { EstimateSection } from './licence-estimate';
import { ContractSection } from './licence-contract';
import { licenceStrings } from './licence-strings';
import { GuestLicences, UsageSection } from './licence-usage';

export function LicencesPage() {
  const l = useStrings(licenceStrings);
  const contract = useQuery({ queryKey: ['admin', 'contract'], queryFn: getContract });
  const usage = useQuery({ queryKey: USAGE_KEY, queryFn: getUsage, staleTime: 30_000 });
  const error = contract.error ?? usage.error;
  return (
    <div className="admin-page">
      <PageHeading title={l.title} />
      {error ? (
        <QueryError error={error} />
      ) : contract.isPending || !usage.data ? (
        <Loading />
      ) : (
        <>
          <ContractSection contract={contract.data ?? null} activeUsers={usage.data.users.active} />
          <UsageSection usage={usage.data} />
          <GuestLicences />
          <EstimateSection />
        </>
      )}
    </div>
  );
}
