package nl.spoorwijzer.modelling;

/**
 * The one way through {@link DeletionPolicy} for a deletion that takes cases with it: the confirmed, audited
 * platform endpoint ({@link DeploymentRemoval}) runs the engine's delete on this thread while the confirmation for
 * that one deployment is set. Nothing outside this package can set it; /engine-rest and Cockpit never do.
 */
final class DeletionConfirmation {

    private static final ThreadLocal<String> CONFIRMED_DEPLOYMENT = new ThreadLocal<>();

    private DeletionConfirmation() {
    }

    static void run(String deploymentId, Runnable deletion) {
        CONFIRMED_DEPLOYMENT.set(deploymentId);
        try {
            deletion.run();
        } finally {
            CONFIRMED_DEPLOYMENT.remove();
        }
    }

    static boolean covers(String deploymentId) {
        return deploymentId != null && deploymentId.equals(CONFIRMED_DEPLOYMENT.get());
    }
}
