import { ProfileEditor } from '../../components/profile/ProfileEditor';
import { DataNotices } from '../../components/data/DataNotices';
import { DataSection, type DataSectionApi } from '../../components/settings/DataSection';
import { ApiProvider, type ExtensionApi } from '../../components/shared/api';
import { DeleteData } from '../../components/settings/DeleteData';
import { LimitSettings } from '../../components/settings/LimitSettings';
import { PrivateWindows, type PrivateWindowsApi } from '../../components/settings/PrivateWindows';
import { PageMarks, type PageMarksApi } from '../../components/settings/PageMarks';
import './App.css';

export function App({
  api,
  data,
  settings,
  privateWindows,
  pageMarks,
}: {
  api: ExtensionApi;
  data?: DataSectionApi;
  /** Shows the limit and delete sections too (tests of the profile editor leave them out). */
  settings?: boolean;
  privateWindows?: PrivateWindowsApi;
  pageMarks?: PageMarksApi;
}) {
  return (
    <ApiProvider api={api}>
      <a className="skip-link" href="#profile-main">
        Skip to the profile
      </a>
      <header className="page-header">
        <h1>Your profile</h1>
        <p>
          Job Lens checks each qualification line of a posting against this profile and says why it is met or not. It stays on this
          computer; nothing is sent anywhere.{' '}
          <a href="/PRIVACY.txt" target="_blank" rel="noreferrer">
            What Job Lens reads and keeps
          </a>
        </p>
      </header>
      <main id="profile-main" tabIndex={-1}>
        {data && <DataNotices api={data} />}
        <ProfileEditor />
        {settings && <LimitSettings />}
        {privateWindows && <PrivateWindows api={privateWindows} />}
        {pageMarks && <PageMarks api={pageMarks} />}
        {settings && <DeleteData />}
        {data && <DataSection api={data} />}
      </main>
    </ApiProvider>
  );
}
