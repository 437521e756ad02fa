import type { MessageName, RequestOf, ResponseOf } from '../../lib/messages/protocol';
import type { DataStatus } from '../../lib/backup/status';

export type Send = <K extends MessageName>(name: K, data: RequestOf<K>) => Promise<ResponseOf<K>>;

/** What the notices and the settings' data section need from outside React. */
export interface DataApi {
  status(): Promise<DataStatus>;
  dismiss(id: string): Promise<void>;
}

export function dataApiFrom(send: Send): DataApi {
  return {
    status: async () => (await send('data:status', {})).status,
    dismiss: async (id) => {
      await send('data:dismissNotice', { id });
    },
  };
}
