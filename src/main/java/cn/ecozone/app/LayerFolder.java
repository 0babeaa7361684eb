package cn.ecozone.app;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListCheck;
import cn.ecozone.accesslist.AccessListException;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.analysis.DataVersion;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.layer.Problem;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A layer folder loaded for one run outside the server (the command line): its layers and its catalog's access list,
 * both checked. The server keeps its own live copies; both then hand a {@link LayerSet} and an {@link AccessList} to
 * the use cases.
 */
public record LayerFolder(LayerSet layers, AccessList accessList) {
    /**
     * @throws UseCaseException {@link UseCaseException.Kind#BAD_INPUT} when the layers have errors (the first ten are
     *                          named) or the access list does not pass its checks
     */
    public static LayerFolder load(Path dir) {
        LayerLoader.Result loaded = LayerLoader.load(dir);
        if (!loaded.ok()) {
            throw UseCaseException.badInput(dir + "：图层有错误，先运行 validate 查看 / the layers have errors (run validate):\n"
                    + loaded.problems().stream().filter(Problem::isError).limit(10).map(p -> "  " + p.describe()).collect(Collectors.joining("\n")));
        }
        LayerSet layers = loaded.layers();
        return new LayerFolder(layers, accessListOf(layers));
    }

    /** The access list the catalog names (empty when it names none), checked. */
    public static AccessList accessListOf(LayerSet layers) {
        String file = layers.catalog().accessList();
        try {
            return AccessListCheck.requireValid(AccessListJson.read(file == null ? null : layers.catalog().resolve(file)));
        } catch (AccessListException e) {
            throw new UseCaseException(UseCaseException.Kind.BAD_INPUT, e.getMessage(), e);
        }
    }

    public DataVersion version() {
        return DataVersion.of(layers, accessList);
    }
}
