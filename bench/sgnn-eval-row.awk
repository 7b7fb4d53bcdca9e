# One table row from the output of `nas4j eval` on a graph run: NAME CLASS MAE MMACS PARAMS (NAME from -v n=...).
/MAE/ {cls = $0; sub(/.*class /, "", cls); gsub(/[(),]/, " "); mae = $5}
/MMACs/ {print n, cls, mae, $1, $10}
