import { ProfileEditor, type ProfilePageApi } from '../../components/profile/ProfileEditor';
import { PrivateWindows, type PrivateWindowsApi } from '../../components/settings/PrivateWindows';

export function App({ api, privateWindows }: { api: ProfilePageApi; privateWindows?: PrivateWindowsApi }) {
  return (
    <>
      <a className="skip-link" href="#profile-main">
        Skip to the profile
      </a>
      <header className="page-header">
        <h1>Your profile</h1>
        <p>
          Job Lens checks each qualification line of a posting against this profile and says why it is met or not. It stays on
          this computer; nothing is sent anywhere.
        </p>
      </header>
      <main id="profile-main" tabIndex={-1}>
        <ProfileEditor api={api} />
        {privateWindows ? <PrivateWindows api={privateWindows} /> : null}
      </main>
    </>
  );
}
