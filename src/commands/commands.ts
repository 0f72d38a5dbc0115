/*
 * FunctionFile of the add-in (commands.html, see manifest.xml <FunctionFile>).
 *
 * The ribbon button opens the task pane (Action ShowTaskpane), so no command runs here; the
 * template's `action` function stays registered so that an ExecuteFunction button can be added to
 * the manifest without touching this page.
 */

/**
 * Ribbon command (ExecuteFunction) placeholder.
 * @param event Office add-in command event; completed() must be called when the command is done.
 */
export function action(event: Office.AddinCommands.Event): void {
  // Nothing to do yet: tell Office the command has finished.
  event.completed();
}

Office.onReady(() => {
  // Office.js is ready; nothing else to initialise on this page.
});

// Register the function with Office.
Office.actions.associate('action', action);
