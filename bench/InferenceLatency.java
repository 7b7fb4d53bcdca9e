// Batch-1 latency and batch-256 throughput of an exported nas4j model directory, loaded through
// DJL's Criteria on the engine its serving.properties names (nas4j export --engine pytorch|onnxruntime).
// Run by bench/inference-latency.sh.
//
//   java -cp CLASSPATH bench/InferenceLatency.java MODEL_DIR [latency_reps=300]
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

public class InferenceLatency {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        JsonObject card = JsonParser.parseString(Files.readString(dir.resolve("arch.json"))).getAsJsonObject();
        int c = card.get("channels").getAsInt();
        int r = card.get("resolution").getAsInt();
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(dir).build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager("PyTorch")) {
            String engine = model.getNDManager().getEngine().getEngineName();
            NDArray one = manager.randomUniform(0, 1, new Shape(1, c, r, r));
            double[] ms = new double[reps];
            for (int i = 0; i < reps + 50; i++) {
                long t = System.nanoTime();
                predict(predictor, one);
                if (i >= 50) {
                    ms[i - 50] = (System.nanoTime() - t) / 1e6;
                }
            }
            Arrays.sort(ms);
            NDArray big = manager.randomUniform(0, 1, new Shape(256, c, r, r));
            int batches = 20;
            for (int i = 0; i < 3; i++) {
                predict(predictor, big);
            }
            long t = System.nanoTime();
            for (int i = 0; i < batches; i++) {
                predict(predictor, big);
            }
            double perSecond = batches * 256 / ((System.nanoTime() - t) / 1e9);
            System.out.printf("RESULT djl-%s batch1 median=%.3f p90=%.3f ms (n=%d) batch256 %.0f images/s%n",
                    engine, ms[reps / 2], ms[(int) (reps * 0.9)], reps, perSecond);
        }
    }

    /**
     * One prediction whose arrays are all freed afterwards: the forward pass creates its arrays in
     * the input's manager, so the input gets a manager of its own per call (as a translator's does).
     */
    private static void predict(Predictor<NDList, NDList> predictor, NDArray x) throws Exception {
        try (NDManager call = x.getManager().newSubManager()) {
            NDArray input = x.duplicate();
            input.attach(call);
            predictor.predict(new NDList(input)).singletonOrThrow().toFloatArray();
        }
    }
}
