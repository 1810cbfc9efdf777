package dev.wbsr.ui.core;

import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.model.SubnetSpec;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.SubnetInfo;
import java.util.List;

/** Manifest -> what the UI shows. */
final class Bundles {

  private Bundles() {}

  static BundleInfo info(ModelBundle b) {
    Manifest m = b.manifest();
    List<SubnetInfo> subs = m.subnets().stream().map(Bundles::subnet).toList();
    return new BundleInfo(m.name(), m.title(), m.description(), m.version(), m.license(),
        m.kind().id(), m.scale(), m.patchSize(), m.numClasses(), subs, m.supernet(),
        m.arm().isPresent(), b.dir().toAbsolutePath().normalize());
  }

  private static SubnetInfo subnet(SubnetSpec s) {
    return new SubnetInfo(s.id(), s.name(), s.flopsPerPatch(), s.params());
  }
}
