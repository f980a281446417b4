package io.yakraft.ui;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

/** Asks where to save a file; an interface so tests can answer without a native dialog. */
@FunctionalInterface
public interface FileTarget {
    /** The chosen path, or null when the person cancelled. */
    Path choose(String title, String suggestedName, String extension);

    static FileTarget dialog(Window owner) {
        return (title, name, ext) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(name);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase() + " files", "*." + ext));
            File f = chooser.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        };
    }
}
