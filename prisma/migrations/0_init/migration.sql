-- Baseline of the legacy production schema as that database has it (Prisma's baselining workflow for an
-- existing database). References between tables are plain INT columns without FOREIGN KEYs, as in production;
-- only the indexes production has are declared. Must run unchanged on MySQL 8.4 and MariaDB 10.11.

-- CreateTable
CREATE TABLE `customers` (
    `Customer_ID` INT NOT NULL AUTO_INCREMENT,
    `First_Name` VARCHAR(100) NOT NULL,
    `Last_Name` VARCHAR(100) NOT NULL,
    `Email` VARCHAR(191) NULL,
    `Phone` VARCHAR(32) NULL,
    `Password` VARCHAR(255) NULL,
    `Photo` VARCHAR(255) NULL,
    `Gender` ENUM('Male', 'Female') NULL,
    `Birth_Date` DATE NULL,
    `Language` ENUM('ar', 'en') NOT NULL DEFAULT 'ar',
    `Verified_Status` ENUM('Verified', 'Unverified') NOT NULL DEFAULT 'Unverified',
    `Account_Status` ENUM('Active', 'Disabled') NOT NULL DEFAULT 'Active',
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    UNIQUE INDEX `customers_Email_key`(`Email`),
    UNIQUE INDEX `customers_Phone_key`(`Phone`),
    PRIMARY KEY (`Customer_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultants` (
    `Consultant_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Category_ID` INT NULL,
    `Branch_ID` INT NULL,
    `Title_Ar` VARCHAR(191) NULL,
    `Title_En` VARCHAR(191) NULL,
    `Bio_Ar` TEXT NULL,
    `Bio_En` TEXT NULL,
    `Photo` VARCHAR(255) NULL,
    `Price` DECIMAL(10, 2) NULL,
    `Rating` DECIMAL(3, 2) NOT NULL DEFAULT 0.00,
    `Rating_Count` INT NOT NULL DEFAULT 0,
    `Online_Status` TINYINT(1) NOT NULL DEFAULT 0,
    `Order_In_List` INT NOT NULL DEFAULT 0,
    `Consultant_Status` ENUM('Active', 'Disabled') NOT NULL DEFAULT 'Active',
    `Verified_Status` ENUM('Verified', 'Unverified') NOT NULL DEFAULT 'Unverified',
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    UNIQUE INDEX `consultants_Customer_ID_key`(`Customer_ID`),
    INDEX `consultants_Category_ID_idx`(`Category_ID`),
    INDEX `consultants_Branch_ID_idx`(`Branch_ID`),
    INDEX `consultants_Consultant_Status_Order_In_List_idx`(`Consultant_Status`, `Order_In_List`),
    PRIMARY KEY (`Consultant_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultations_orders` (
    `Order_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Category_ID` INT NULL,
    `Order_Status` ENUM('Pending', 'Approved', 'Rejected') NOT NULL DEFAULT 'Pending',
    `Notes` TEXT NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `consultations_orders_Customer_ID_idx`(`Customer_ID`),
    PRIMARY KEY (`Order_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultant_contract` (
    `Contract_ID` INT NOT NULL AUTO_INCREMENT,
    `Consultant_ID` INT NOT NULL,
    `Start_Date` DATE NOT NULL,
    `End_Date` DATE NOT NULL,
    `Commission_Rate` DECIMAL(5, 2) NOT NULL,
    `Terms` TEXT NULL,
    `Contract_File` VARCHAR(255) NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `consultant_contract_Consultant_ID_idx`(`Consultant_ID`),
    PRIMARY KEY (`Contract_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultant_licenses` (
    `License_ID` INT NOT NULL AUTO_INCREMENT,
    `Consultant_ID` INT NOT NULL,
    `License_Number` VARCHAR(100) NOT NULL,
    `Issuer` VARCHAR(191) NULL,
    `Issue_Date` DATE NULL,
    `Expiry_Date` DATE NOT NULL,
    `License_File` VARCHAR(255) NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `consultant_licenses_Consultant_ID_idx`(`Consultant_ID`),
    PRIMARY KEY (`License_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultant_schedules` (
    `Schedule_ID` INT NOT NULL AUTO_INCREMENT,
    `Consultant_ID` INT NOT NULL,
    `Day_Of_Week` TINYINT NOT NULL,
    `Start_Time` TIME NOT NULL,
    `End_Time` TIME NOT NULL,
    `Slot_Minutes` SMALLINT NOT NULL DEFAULT 30,
    `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `consultant_schedules_Consultant_ID_Day_Of_Week_idx`(`Consultant_ID`, `Day_Of_Week`),
    PRIMARY KEY (`Schedule_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `appointments` (
    `Appointment_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Consultant_ID` INT NOT NULL,
    `Service_Category_ID` INT NULL,
    `Appointment_Date` DATETIME NOT NULL,
    `Duration_Minutes` SMALLINT NOT NULL DEFAULT 30,
    `Appointment_Status` ENUM('Pending', 'Confirmed', 'Completed', 'Cancelled', 'NoShow') NOT NULL DEFAULT 'Pending',
    `Price` DECIMAL(10, 2) NULL,
    `Notes` TEXT NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `appointments_Consultant_ID_Appointment_Date_idx`(`Consultant_ID`, `Appointment_Date`),
    INDEX `appointments_Customer_ID_idx`(`Customer_ID`),
    PRIMARY KEY (`Appointment_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultations_categories` (
    `Category_ID` INT NOT NULL AUTO_INCREMENT,
    `Name_Ar` VARCHAR(191) NOT NULL,
    `Name_En` VARCHAR(191) NOT NULL,
    `Description_Ar` TEXT NULL,
    `Description_En` TEXT NULL,
    `Image` VARCHAR(255) NULL,
    `Icon` VARCHAR(255) NULL,
    `Order_In_List` INT NOT NULL DEFAULT 0,
    `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `consultations_categories_Is_Active_Order_In_List_idx`(`Is_Active`, `Order_In_List`),
    PRIMARY KEY (`Category_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `services_categories` (
    `Service_Category_ID` INT NOT NULL AUTO_INCREMENT,
    `Category_ID` INT NULL,
    `Name_Ar` VARCHAR(191) NOT NULL,
    `Name_En` VARCHAR(191) NOT NULL,
    `Description_Ar` TEXT NULL,
    `Description_En` TEXT NULL,
    `Image` VARCHAR(255) NULL,
    `Icon` VARCHAR(255) NULL,
    `Price` DECIMAL(10, 2) NULL,
    `Order_In_List` INT NOT NULL DEFAULT 0,
    `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `services_categories_Category_ID_idx`(`Category_ID`),
    INDEX `services_categories_Is_Active_Order_In_List_idx`(`Is_Active`, `Order_In_List`),
    PRIMARY KEY (`Service_Category_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `branches` (
    `Branch_ID` INT NOT NULL AUTO_INCREMENT,
    `Name_Ar` VARCHAR(191) NOT NULL,
    `Name_En` VARCHAR(191) NOT NULL,
    `Address_Ar` VARCHAR(255) NULL,
    `Address_En` VARCHAR(255) NULL,
    `City_Ar` VARCHAR(100) NULL,
    `City_En` VARCHAR(100) NULL,
    `Phone` VARCHAR(32) NULL,
    `Latitude` DECIMAL(10, 7) NULL,
    `Longitude` DECIMAL(10, 7) NULL,
    `Image` VARCHAR(255) NULL,
    `Order_In_List` INT NOT NULL DEFAULT 0,
    `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `branches_Is_Active_Order_In_List_idx`(`Is_Active`, `Order_In_List`),
    PRIMARY KEY (`Branch_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `reviews` (
    `Review_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Consultant_ID` INT NOT NULL,
    `Appointment_ID` INT NULL,
    `Rating` TINYINT NOT NULL,
    `Comment` TEXT NULL,
    `Review_Status` ENUM('Visible', 'Hidden') NOT NULL DEFAULT 'Visible',
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `reviews_Consultant_ID_idx`(`Consultant_ID`),
    INDEX `reviews_Customer_ID_idx`(`Customer_ID`),
    PRIMARY KEY (`Review_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
