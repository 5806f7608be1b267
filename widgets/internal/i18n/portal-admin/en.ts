import type { PortalAdminMessages } from './de.ts';

const portalAdmin: PortalAdminMessages = {
  signInFirst: 'Please sign in as an administrator of your housing company.',
  adminsOnly:
    'Only administrators of your housing company can see and change these settings. Please ask them if something should change here.',
  loadFailed: 'The settings could not be loaded.',
  save: 'Save',
  saving: 'Saving …',
  cancel: 'Cancel',
  edit: 'Edit',
  remove: 'Remove',
  confirmRemove: 'Really remove',
  unsaved: 'You have changes that are not saved yet.',
  translations: 'Translations (optional; without one the German label is shown)',
  languageNames: { en: 'English', tr: 'Turkish', pl: 'Polish', uk: 'Ukrainian' },
};

export default portalAdmin;
