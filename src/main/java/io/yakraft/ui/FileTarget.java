package io.yakraft.ui;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

/** Asks which file to save or open; an interface so tests can answer without a native dialog. */
public interface FileTarget {
    /** Where to save: the chosen path, or null when the person cancelled. */
    Path choose(String title, String suggestedName, String extension);

    /** What to open: the chosen path, or null when the person cancelled. */
    Path open(String title, String extension);

    static FileTarget dialog(Window owner) {
        return new FileTarget() {
            @Override
            public Path choose(String title, String name, String ext) {
                FileChooser chooser = chooser(title, ext);
                chooser.setInitialFileName(name);
                File f = chooser.showSaveDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path open(String title, String ext) {
                File f = chooser(title, ext).showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }
        };
    }

    private static FileChooser chooser(String title, String ext) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase() + " files", "*." + ext));
        return chooser;
    }
}
