#!/usr/bin/env bash
# Images per second of the Spark job in local mode with 1 and 2 executor cores (README, "At scale").
# Usage: spark/bench-local.sh INPUT_DIR [CORES...]   (after `mvn install -DskipTests` at the root
# and `mvn -f spark/pom.xml package -DskipTests`). Each run writes into a fresh output folder.
set -euo pipefail
cd "$(dirname "$0")"
input="${1:?usage: spark/bench-local.sh INPUT_DIR [CORES...]}"
shift

[ "$#" -gt 0 ] && cores=("$@") || cores=(1 2)
cp_file="target/spark-classpath.txt"
mvn -o -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=provided
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
for n in "${cores[@]}"; do
  out="$(mktemp -d)/out"
  echo "== local[$n], load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  SPARK_LOCAL_IP=127.0.0.1 ORT_DISABLE_TELEMETRY=1 OPT_OUT_TRACKING=true java -Xmx4g $opens -Dai.djl.offline=true \
    -Dspark.master="local[$n]" -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 \
    -Dlog4j2.configurationFile="$PWD/src/test/resources/log4j2.properties" \
    -cp "target/wbsr-spark.jar:$(cat "$cp_file")" dev.wbsr.spark.UpscaleJob \
    --model wbsr-x2 --models-dir ../models --input "$input" --output "$out"
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
