// Ids the server gives out for responses and devices: UUID version 7, whose first 48 bits are the
// time. A response is stored minutes after its page was opened, so its id (and its device's) lands
// at the right-hand edge of the id and device indexes. Random version 4 ids put every insert on
// a random leaf page: a batch of 25 responses wrote ~70 WAL pages instead of ~25, and the write
// thread spent half again as long per response. Clients may still send any UUID.
import { v7 } from 'uuid';

export const newResponseId = (): string => v7();
export const newDeviceId = (): string => v7();
