package dev.kubefluent.core.validate;

import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;

/** The names of the sources a volume sets ({@code emptyDir}, {@code configMap}, ...), without reflection. */
final class VolumeSources {

    private VolumeSources() {
    }

    static List<String> of(Volume v) {
        List<String> s = new ArrayList<>(1);
        add(s, v.getAwsElasticBlockStore(), "awsElasticBlockStore");
        add(s, v.getAzureDisk(), "azureDisk");
        add(s, v.getAzureFile(), "azureFile");
        add(s, v.getCephfs(), "cephfs");
        add(s, v.getCinder(), "cinder");
        add(s, v.getConfigMap(), "configMap");
        add(s, v.getCsi(), "csi");
        add(s, v.getDownwardAPI(), "downwardAPI");
        add(s, v.getEmptyDir(), "emptyDir");
        add(s, v.getEphemeral(), "ephemeral");
        add(s, v.getFc(), "fc");
        add(s, v.getFlexVolume(), "flexVolume");
        add(s, v.getFlocker(), "flocker");
        add(s, v.getGcePersistentDisk(), "gcePersistentDisk");
        add(s, v.getGitRepo(), "gitRepo");
        add(s, v.getGlusterfs(), "glusterfs");
        add(s, v.getHostPath(), "hostPath");
        add(s, v.getImage(), "image");
        add(s, v.getIscsi(), "iscsi");
        add(s, v.getNfs(), "nfs");
        add(s, v.getPersistentVolumeClaim(), "persistentVolumeClaim");
        add(s, v.getPhotonPersistentDisk(), "photonPersistentDisk");
        add(s, v.getPortworxVolume(), "portworxVolume");
        add(s, v.getProjected(), "projected");
        add(s, v.getQuobyte(), "quobyte");
        add(s, v.getRbd(), "rbd");
        add(s, v.getScaleIO(), "scaleIO");
        add(s, v.getSecret(), "secret");
        add(s, v.getStorageos(), "storageos");
        add(s, v.getVsphereVolume(), "vsphereVolume");
        return s;
    }

    private static void add(List<String> s, Object source, String name) {
        if (source != null) {
            s.add(name);
        }
    }
}
