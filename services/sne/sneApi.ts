import { CallOptions } from '../http/jsonClient';
import { HousingRequest } from './schemas';

/** What the dialogs may ask the national request file. Failures are `ServiceError`s (services/http/errors). */
export interface SneApi {
  /**
   * The request behind a unique number (any typed form: it is normalised first).
   * NotFound when the number is unknown; BadRequest when it cannot be a NUR.
   */
  getRequest(nur: string, options?: CallOptions): Promise<HousingRequest>;
}
