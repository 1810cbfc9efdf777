/** The main window, built in code: sidebar panes, viewer toolbar, status bar, dialogs. */
package dev.wbsr.ui.view;
