/** View-models: JavaFX properties and commands, no nodes. Work runs on background Tasks. */
package dev.wbsr.ui.model;
