/**
 * A package whose structure the toolkit cannot work with (a required part or relationship
 * missing, Strict Open XML …). Carries a message key of the catalogue and its parameters;
 * `message` is the English text, for logs and self-checks. Writers and readers turn it into
 * their own errors (the patch writer: PatchError with code 'package').
 */
import { translate, type MessageKey, type Params } from '../../messages/translate';

export type PackageMessageKey = Extract<MessageKey, `xlsx.package.${string}`>;

export class PackageError extends Error {
  constructor(
    readonly key: PackageMessageKey,
    readonly params: Params = {},
  ) {
    super(translate('en', key, params));
    this.name = 'PackageError';
  }
}
