package cn.ecozone.accesslist;

/** A project category the list's requirements can name (e.g. {@code 光伏} 光伏发电 Solar PV). */
public record Industry(String id, String zh, String en) {}
