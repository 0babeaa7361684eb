package cn.ecozone.accesslist;

import java.io.IOException;
import java.nio.file.Path;

/** The list in {@code access-list.json}; stored by writing a temporary file and moving it over the old one. */
public record FileAccessListStore(Path file) implements AccessListStore {
    @Override
    public AccessList load() {
        return AccessListJson.read(file);
    }

    @Override
    public void store(AccessList list) throws IOException {
        AccessListJson.write(list, file);
    }

    @Override
    public String describe() {
        return file.toString();
    }
}
