-- Vendor peak figures per device variant, from migrations/hardware_specs.csv
-- (docs/hardware-specs.md says where each row comes from and which were checked;
-- a test checks this seed against the CSV). Rows name the extractor's hardware
-- by slug: the hardware table fills as claims name devices, so a spec may wait
-- for its first claim. Tensor figures are dense; sparse_quoted says the vendor's
-- headline is the 2:4-sparse figure, twice the dense one.
-- +goose Up
CREATE TABLE hardware_specs (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    hardware_slug          TEXT NOT NULL,
    device                 TEXT NOT NULL UNIQUE,
    vendor                 TEXT NOT NULL,
    fp32_tflops            REAL,
    tf32_tflops_dense      REAL,
    fp16_bf16_tflops_dense REAL,
    fp8_tflops_dense       REAL,
    int8_tops_dense        REAL,
    memory_gb              REAL,
    bandwidth_gbs          REAL,
    sparse_quoted          BOOLEAN NOT NULL,
    source_url             TEXT NOT NULL CHECK (source_url LIKE 'https://%'),
    verified               TEXT NOT NULL DEFAULT 'no',
    notes                  TEXT NOT NULL DEFAULT '',
    position               INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX hardware_specs_slug_idx ON hardware_specs (hardware_slug, position);
INSERT INTO hardware_specs (hardware_slug, device, vendor, fp32_tflops, tf32_tflops_dense, fp16_bf16_tflops_dense,
    fp8_tflops_dense, int8_tops_dense, memory_gb, bandwidth_gbs, sparse_quoted, source_url, verified, notes, position) VALUES
('nvidia-v100', 'V100 SXM2 32GB', 'NVIDIA', 15.7, NULL, 125, NULL, NULL, 32, 900, 0, 'https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf', 'partly', 'FP16 is the tensor-core figure; Volta has no TF32 and no sparsity; launch figures were 15 and 120 at a lower clock', 1),
('nvidia-v100', 'V100 PCIe 32GB', 'NVIDIA', 14, NULL, 112, NULL, NULL, 32, 900, 0, 'https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf', 'yes', 'FP16 is the tensor-core figure', 2),
('nvidia-a100', 'A100 40GB SXM4', 'NVIDIA', 19.5, 156, 312, NULL, 624, 40, 1555, 1, 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf', 'yes', 'dense; the datasheet''s headline 624 BF16 and 312 TF32 are 2:4 sparse', 3),
('nvidia-a100', 'A100 80GB SXM4', 'NVIDIA', 19.5, 156, 312, NULL, 624, 80, 2039, 1, 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf', 'yes', '', 4),
('nvidia-a100', 'A100 80GB PCIe', 'NVIDIA', 19.5, 156, 312, NULL, 624, 80, 1935, 1, 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf', 'no', '', 5),
('nvidia-h100', 'H100 SXM5 80GB', 'NVIDIA', 67, 494.7, 989.4, 1979, 1979, 80, 3350, 1, 'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet', 'yes', 'dense; the datasheet''s 1979 BF16 and 3958 FP8 are 2:4 sparse', 6),
('nvidia-h100', 'H100 PCIe 80GB', 'NVIDIA', 51, 378, 756, 1513, 1513, 80, 2000, 1, 'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet', 'no', '', 7),
('nvidia-h100', 'H100 NVL 94GB', 'NVIDIA', 60, 417.5, 835.5, 1670.5, 1670.5, 94, 3900, 1, 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/h100/PB-11773-001_v01.pdf', 'no', '', 8),
('nvidia-h200', 'H200 SXM 141GB', 'NVIDIA', 67, 494.7, 989.4, 1979, 1979, 141, 4800, 1, 'https://nvdam.widen.net/s/nb5zzzsjdf/hpc-datasheet-sc23-h200-datasheet-3002446', 'no', 'same compute as H100 SXM5', 9),
('nvidia-h200', 'H200 NVL 141GB', 'NVIDIA', 60, 417.5, 835.5, 1670.5, 1670.5, 141, 4800, 1, 'https://nvdam.widen.net/s/nb5zzzsjdf/hpc-datasheet-sc23-h200-datasheet-3002446', 'no', '', 10),
('nvidia-b200', 'B200 (HGX 1000W)', 'NVIDIA', 75, 1125, 2250, 4500, 4500, 180, 8000, 1, 'https://www.nvidia.com/en-us/data-center/hgx/', 'no', 'sources disagree by 10-20% (FP32 62-80); HGX per-GPU figures halved from sparse', 11),
('nvidia-l4', 'L4', 'NVIDIA', 30.3, 60, 121, 242.5, 242.5, 24, 300, 1, 'https://nvdam.widen.net/s/rvq98gbwsw/l4-datasheet-2595652', 'no', '', 12),
('nvidia-l40s', 'L40S', 'NVIDIA', 91.6, 183, 362.05, 733, 733, 48, 864, 1, 'https://www.nvidia.com/en-us/data-center/l40s/', 'yes', 'dense; the datasheet headlines 733 BF16 and 1466 FP8 with sparsity', 13),
('nvidia-rtx-3090', 'GeForce RTX 3090', 'NVIDIA', 35.6, 35.6, 142, NULL, 284, 24, 936, 1, 'https://images.nvidia.com/aem-dam/en-zz/Solutions/geforce/ampere/pdf/NVIDIA-ampere-GA102-GPU-Architecture-Whitepaper-V1.pdf', 'no', 'FP16 with FP16 accumulate; 71 with FP32 accumulate (BF16 runs only with FP32 accumulate)', 14),
('nvidia-rtx-4090', 'GeForce RTX 4090', 'NVIDIA', 82.6, 82.6, 330.3, 660.6, 660.6, 24, 1008, 1, 'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf', 'partly', 'FP16 and FP8 with FP16 accumulate; 165.2 and 330.3 with FP32 accumulate', 15),
('nvidia-rtx-5090', 'GeForce RTX 5090', 'NVIDIA', 104.8, 104.8, 419, 838, 838, 32, 1792, 1, 'https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/nvidia-rtx-blackwell-gpu-architecture.pdf', 'partly', 'FP16 and FP8 with FP16 accumulate (half with FP32 accumulate); confirmed only from the 838 sparse FP16 figure', 16),
('nvidia-jetson-agx-orin', 'Jetson AGX Orin 64GB (GPU only)', 'NVIDIA', 5.3, NULL, 42.5, NULL, 85, 64, 204.8, 1, 'https://www.nvidia.com/content/dam/en-zz/Solutions/gtcf21/jetson-orin/nvidia-jetson-agx-orin-technical-brief.pdf', 'no', 'the headline 275 TOPS is sparse INT8 with the DLAs; FP16 derived as dense INT8 / 2', 17),
('nvidia-jetson-agx-xavier', 'Jetson AGX Xavier 32GB (GPU only)', 'NVIDIA', 1.4, NULL, 11, NULL, 22, 32, 136.5, 0, 'https://developer.nvidia.com/blog/nvidia-jetson-agx-xavier-32-teraops-ai-robotics/', 'no', 'the headline 32 TOPS includes the DLAs', 18),
('amd-mi250x', 'Instinct MI250X', 'AMD', 95.7, NULL, 383, NULL, 383, 128, 3276.8, 0, 'https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html', 'partly', 'FP32 matrix; 47.9 vector; two GCDs per device (papers often count GCDs)', 19),
('amd-mi300x', 'Instinct MI300X', 'AMD', 163.4, 653.7, 1307.4, 2614.9, 2614.9, 192, 5300, 1, 'https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf', 'no', 'dense; AMD quotes twice these with sparsity', 20),
('google-tpu-v4', 'TPU v4', 'Google', NULL, NULL, 275, NULL, 275, 32, 1200, 0, 'https://cloud.google.com/tpu/docs/v4', 'no', 'BF16; TPUs publish no FP32', 21),
('google-tpu-v5e', 'TPU v5e', 'Google', NULL, NULL, 197, NULL, 393, 16, 819, 0, 'https://cloud.google.com/tpu/docs/v5e', 'yes', 'BF16', 22),
('google-tpu-v5p', 'TPU v5p', 'Google', NULL, NULL, 459, NULL, 918, 95, 2765, 0, 'https://cloud.google.com/tpu/docs/v5p', 'no', 'BF16', 23),
('apple-m2', 'M2 (10-core GPU)', 'Apple', 3.6, NULL, NULL, NULL, NULL, 24, 100, 0, 'https://www.apple.com/newsroom/2022/06/apple-unveils-m2-with-breakthrough-performance-and-capabilities/', 'no', 'Apple publishes GPU FP32 only', 24),
('apple-m2-ultra', 'M2 Ultra (76-core GPU)', 'Apple', 27.2, NULL, NULL, NULL, NULL, 192, 800, 0, 'https://www.apple.com/newsroom/2023/06/apple-introduces-m2-ultra/', 'no', '', 25),
('apple-m3-max', 'M3 Max (40-core GPU)', 'Apple', NULL, NULL, NULL, NULL, NULL, 128, 400, 0, 'https://www.apple.com/newsroom/2023/10/apple-unveils-m3-m3-pro-and-m3-max-the-most-advanced-chips-for-a-personal-computer/', 'no', 'no compute figure published', 26),
('intel-gaudi2', 'Gaudi 2', 'Intel', NULL, NULL, 432, 865, NULL, 96, 2450, 0, 'https://www.intel.com/content/www/us/en/content-details/817486/intel-gaudi-3-ai-accelerator-white-paper.html', 'no', 'BF16 matrix', 27),
('intel-gaudi3', 'Gaudi 3 (HL-325L OAM)', 'Intel', NULL, NULL, 1835, 1835, NULL, 128, 3670, 0, 'https://www.intel.com/content/www/us/en/content-details/817486/intel-gaudi-3-ai-accelerator-white-paper.html', 'no', 'sources disagree (BF16 1678 vs 1835)', 28);

-- +goose StatementBegin
CREATE TRIGGER hardware_specs_insert_data_version AFTER INSERT ON hardware_specs BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_specs_update_data_version AFTER UPDATE ON hardware_specs BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_specs_delete_data_version AFTER DELETE ON hardware_specs BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER hardware_specs_insert_data_version;
DROP TRIGGER hardware_specs_update_data_version;
DROP TRIGGER hardware_specs_delete_data_version;
DROP TABLE hardware_specs;
