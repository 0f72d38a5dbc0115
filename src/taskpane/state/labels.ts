/** The catalogue keys that name each action: in its progress bar, and in the title of its error. */
import type { MessageKey } from '../../messages/translate';
import type { ActionKind } from './actionState';

export const ACTION_LABEL: Record<ActionKind, MessageKey> = {
  validate: 'action.validate',
  compute: 'action.compute',
  summary: 'action.summary',
  template: 'action.template',
};

export const ERROR_TITLE: Record<ActionKind, MessageKey> = {
  validate: 'error.title.validate',
  compute: 'error.title.compute',
  summary: 'error.title.summary',
  template: 'error.title.template',
};
